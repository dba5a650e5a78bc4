/**
 * Values as a reviewer reads them in a plan, by what the schema says they are: a list's items one
 * by one (schedule intervals as `mon–fri 08:00–18:00`, holidays and exceptions by date, weekdays
 * and other enumerations in the schema's order rather than alphabetical), other values as JSON.
 */
import { getDefinition, getKindSchema, listVocabulary, resolveSchemaNode, type SchemaNode } from '../kinds/schema-walk.js';
import { isJsonObject, type JsonValue, type Kind } from '../model/resource.js';
import { canonicalJson } from '../normalize/canonical-json.js';

export function formatValue(value: JsonValue | undefined): string {
  return value === undefined ? '(none)' : JSON.stringify(value);
}

/** How a list field is read: its item format, whether order counts, and what identifies an item. */
export interface ListShape {
  isOrdered: boolean;
  /** Items are objects with a format of their own (schedule intervals, holidays): shown one per line. */
  hasItemFormat: boolean;
  formatItem(item: JsonValue): string;
  keyOf?: (item: JsonValue) => string | undefined;
  /** Items in reading order: enumerations in the schema's order, dated items by date. */
  sortItems(items: readonly JsonValue[]): JsonValue[];
}

/** The schema node of a dotted field path of `kind` (`permissions`, `waitTimeout.after`), if it is known. */
export function findFieldSchema(kind: Kind, path: string): SchemaNode | undefined {
  let node: SchemaNode | undefined = resolveSchemaNode(getKindSchema(kind));
  for (const step of path.split('.')) {
    if (!node) return undefined;
    const next: SchemaNode | undefined = node.properties?.[step] ?? (typeof node.additionalProperties === 'object' ? node.additionalProperties : undefined);
    node = next ? resolveSchemaNode(next) : undefined;
  }
  return node;
}

/** The shape of a list field, or undefined when `node` is not a list. */
export function readListShape(node: SchemaNode | undefined): ListShape | undefined {
  if (!node || node.type !== 'array' || !node.items) return undefined;
  // Items of one definition, or of one of several (holidays: a date, or a calendar that normalisation writes out as dates).
  const definitions = [node.items, ...(node.items.oneOf ?? [])].flatMap((branch) => (branch.$ref ? [branch.$ref.replace('#/$defs/', '')] : []));
  const itemFormat = definitions.map((definition) => itemFormats[definition]).find((format) => format !== undefined);
  const vocabulary = listVocabulary(node.items);
  const order = vocabulary.length > 0 ? vocabulary : undefined;
  const isOrdered = node['x-set'] !== true;
  return {
    isOrdered,
    hasItemFormat: itemFormat !== undefined,
    formatItem: (item) => (itemFormat && isJsonObject(item) ? itemFormat.format(item) : formatValue(item)),
    ...(itemFormat ? { keyOf: (item: JsonValue) => (isJsonObject(item) ? itemFormat.keyOf(item) : undefined) } : {}),
    sortItems: (list) => {
      if (isOrdered) return [...list];
      if (order) return [...list].sort((a, b) => rank(order, a) - rank(order, b));
      if (itemFormat) return [...list].sort((a, b) => compareKeys(isJsonObject(a) ? itemFormat.keyOf(a) : undefined, isJsonObject(b) ? itemFormat.keyOf(b) : undefined));
      return [...list];
    },
  };
}

type JsonObject = { [key: string]: JsonValue };

interface ItemFormat {
  format(item: JsonObject): string;
  keyOf(item: JsonObject): string | undefined;
}

/** Items that read better as a phrase than as JSON, by schema definition. */
const itemFormats: Record<string, ItemFormat> = {
  ScheduleInterval: { format: (item) => `${formatDays(item.days)} ${formatHours(item)}`, keyOf: (item) => (Array.isArray(item.days) ? canonicalJson(sortDays(item.days)) : undefined) },
  ScheduleHoliday: { format: (item) => `${text(item.date)} ${text(item.name)}`, keyOf: (item) => (typeof item.date === 'string' ? item.date : undefined) },
  ScheduleException: { format: (item) => `${text(item.date)} ${formatHours(item)} ${text(item.name)}`, keyOf: (item) => (typeof item.date === 'string' ? item.date : undefined) },
};

/** `mon` … `sun`, in the schema's (week) order. */
const WEEKDAYS: readonly string[] = listVocabulary(getDefinition('ScheduleInterval').properties?.days?.items);

function sortDays(days: readonly JsonValue[]): JsonValue[] {
  return [...days].sort((a, b) => rank(WEEKDAYS, a) - rank(WEEKDAYS, b));
}

/** Weekdays in week order; three or more in a row as a range: `mon–fri`, `mon, wed, fri`, `fri–sun`. */
export function formatDays(days: JsonValue | undefined): string {
  if (!Array.isArray(days)) return formatValue(days);
  const order = WEEKDAYS;
  const sorted = sortDays(days).map(String);
  const runs: string[][] = [];
  for (const day of sorted) {
    const run = runs.at(-1);
    const last = run?.at(-1);
    if (run && last !== undefined && order.indexOf(day) === order.indexOf(last) + 1 && order.includes(day)) run.push(day);
    else runs.push([day]);
  }
  return runs.flatMap((run) => (run.length >= 3 ? [`${run[0]}–${run.at(-1)}`] : run)).join(', ');
}

function formatHours(item: JsonObject): string {
  return `${text(item.from)}–${text(item.to)}`;
}

function text(value: JsonValue | undefined): string {
  return typeof value === 'string' ? value : formatValue(value);
}

function rank(order: readonly string[], value: JsonValue): number {
  const index = order.indexOf(String(value));
  return index === -1 ? order.length : index;
}

function compareKeys(a: string | undefined, b: string | undefined): number {
  if (a === b) return 0;
  if (a === undefined) return 1;
  if (b === undefined) return -1;
  return a < b ? -1 : 1;
}
