/**
 * The schema-driven part of normalisation, applied to desired and live specs alike, in one pass
 * over the value and its schema: `x-expand` items written out (a holiday calendar becomes that
 * year's holidays), server defaults filled in, `x-set` lists sorted, `x-text` texts
 * and `x-duration` durations in canonical form, `x-phone` numbers as their digits (`+55 (11) 99999-0000` → `5511999990000`), `x-aliases` names resolved (`seg` → `mon`), references to case-insensitive kinds (agents,
 * administrators) lower-cased. Returns a new value; the input is never changed.
 */
import { getKindInfo } from '../kinds/registry.js';
import { getKindSchema, resolveSchemaNode, selectBranch, type SchemaNode } from '../kinds/schema-walk.js';
import type { JsonValue, Kind, Spec } from '../model/resource.js';
import { canonicalJson } from './canonical-json.js';
import { normalizeDuration, normalizeText } from './normalize-values.js';
import { compareText } from '../compare-text.js';
import { resolveAlias } from './resolve-alias.js';
import { normalizePhone } from './normalize-phone.js';
import { expandHolidayCalendar } from './holiday-calendars.js';

export function normalizeBySchema(kind: Kind, spec: Spec): Spec {
  return normalizeValue(getKindSchema(kind), spec) as Spec;
}

function normalizeValue(node: SchemaNode, value: JsonValue): JsonValue {
  const schema = selectBranch(node, value);
  if (typeof value === 'string') return normalizeString(schema, value);
  if (Array.isArray(value)) {
    const items = schema.items ? expandItems(schema.items, value).map((item) => normalizeValue(schema.items as SchemaNode, item)) : [...value];
    return schema['x-set'] === true ? sortSet(items) : items;
  }
  if (value === null || typeof value !== 'object') return value;
  const properties = schema.properties;
  const extra = typeof schema.additionalProperties === 'object' ? schema.additionalProperties : undefined;
  const result: { [key: string]: JsonValue } = {};
  for (const key of Object.keys(value)) {
    const child = value[key] as JsonValue;
    const childSchema = properties?.[key] ?? extra;
    result[key] = childSchema ? normalizeValue(childSchema, child) : child;
  }
  if (properties) {
    for (const key of Object.keys(properties)) {
      if (key in result) continue;
      const childNode = properties[key]!;
      const fallback = childNode.default ?? (childNode.$ref ? resolveSchemaNode(childNode).default : undefined);
      // normalizeValue builds new objects and lists, so the schema's default is never shared.
      if (fallback !== undefined) result[key] = normalizeValue(childNode, fallback);
    }
  }
  return result;
}

/** Items that stand for others (`x-expand`, such as a holiday calendar) replaced with them, after the items written out. */
function expandItems(itemNode: SchemaNode, items: JsonValue[]): JsonValue[] {
  const expanders = items.map((item) => EXPANDERS.get(selectBranch(itemNode, item)['x-expand'] ?? ''));
  if (expanders.every((expander) => expander === undefined)) return items;
  const result = items.filter((_, index) => expanders[index] === undefined);
  items.forEach((item, index) => {
    const expand = expanders[index];
    if (expand) result.push(...expand(item, result));
  });
  return result;
}

const EXPANDERS = new Map<string, (item: JsonValue, siblings: readonly JsonValue[]) => JsonValue[]>([
  ['holiday-calendar', expandHolidayCalendar],
]);

function normalizeString(schema: SchemaNode, value: string): string {
  let text = value;
  const target = schema['x-ref'];
  if (target && getKindInfo(target).isKeyCaseInsensitive) text = text.toLowerCase();
  if (schema['x-text'] === true) text = normalizeText(text);
  if (schema['x-duration'] === true) text = normalizeDuration(text);
  if (schema['x-aliases']) text = resolveAlias(schema['x-aliases'], text);
  if (schema['x-phone'] === true) text = normalizePhone(text);
  return text;
}

/**
 * The natural key of an object as normalisation writes it in its spec (a blocked number's digits),
 * so that two spellings of one key are one object: its name in plans, addresses and duplicate checks.
 */
export function normalizeKeyName(kind: Kind, name: string): string {
  const { keyField } = getKindInfo(kind);
  const node = keyField === null ? undefined : getKindSchema(kind).properties?.[keyField];
  return node ? normalizeString(selectBranch(node, name), name) : name;
}

function sortSet(items: JsonValue[]): JsonValue[] {
  if (items.every((item) => typeof item === 'string')) return (items as string[]).sort(compareText);
  return items
    .map((item) => ({ item, text: canonicalJson(item) }))
    .sort((a, b) => compareText(a.text, b.text))
    .map(({ item }) => item);
}
