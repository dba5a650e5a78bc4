/**
 * The presentation model of a plan, computed once from the (masked) machine plan and drawn by
 * the text and Markdown renderers: headers, field lines, list changes element by element, line
 * diffs, what a new flow says, consent, counts. Every text in it is on one line.
 */
import { getKindInfo, kindInfos } from '../kinds/registry.js';
import { formatAddress, type JsonValue, type Kind, type Spec } from '../model/resource.js';
import { formatReferrerCounts } from '../plan/describe-dependents.js';
import type { MaskedPlan } from '../plan/mask-plan.js';
import { isReferenceStep, type Change, type FieldChange, type Plan } from '../plan/types.js';
import { describeFlowBlockContent, describeFlowBlockTitle } from './describe-flow-block.js';
import { findFieldSchema, formatValue, readListShape, type ListShape } from './describe-value.js';
import { neutralizeControlChars } from './escape.js';
import { diffListItems, type ListEntry } from './list-diff.js';
import { diffTextLines } from './plan-line-diff.js';

/**
 * `+` added, `-` removed, `~` changed, `↕` moved in an ordered list, `!` what the change affects,
 * ` ` an unchanged line of a text (context), `@@` a changed text resumes at a later line.
 */
export type LineSign = '+' | '-' | '~' | '↕' | '!' | ' ' | '@@';

export interface ViewLine {
  sign: LineSign;
  /** The line, or its label when `before`/`after` are set (`sessionTimeout:`). */
  text: string;
  /** Nesting below the change (0: a field of the object, 1: inside a block, a list or a text). */
  depth: number;
  /** A value that changed: text shows `label before → after`, Markdown a `-` line and a `+` line. `↕`: positions. */
  before?: string;
  after?: string;
  /** A list change, element by element (depth + 1). */
  items?: ViewLine[];
  /** The items are quoted values (not phrases such as `mon–fri 08:00–18:00`): text may write them on this line. */
  hasInlineItems?: boolean;
}

export interface ChangeView {
  id: string;
  /** Sets or removes references of an object whose own step is elsewhere (not counted as a change). */
  isReferenceStep: boolean;
  kind: Kind;
  action: Change['action'];
  sign: '+' | '~' | '-';
  /** `team.SAC will be updated`. */
  header: string;
  lines: ViewLine[];
}

export interface PlanView {
  /** `local sandbox (http://127.0.0.1:4010)` or the tenant URL. */
  targetLabel: string;
  changes: ChangeView[];
  /** Addresses of live objects left alone. */
  unmanaged: string[];
  warnings: string[];
  unsupported: string[];
  safety: { isUnsafe: boolean; reasons: string[] };
  isEmpty: boolean;
  /** `Plan: 3 to create, 2 to update, 1 to delete; 4 not managed.` */
  summaryLine: string;
  counts: KindCounts[];
}

export interface KindCounts {
  kind: Kind;
  create: number;
  update: number;
  delete: number;
  unmanaged: number;
}

export const NO_CHANGES_MESSAGE = 'No changes. The tenant matches the configuration.';

/** What each sign means, in the order a legend lists them; renderers list only the signs they printed. */
export const SIGN_MEANINGS: readonly { sign: Exclude<LineSign, ' '>; meaning: string }[] = [
  { sign: '+', meaning: 'create, or a value added' },
  { sign: '~', meaning: 'update, or a value changed (old → new)' },
  { sign: '-', meaning: 'delete, or a value removed' },
  { sign: '↕', meaning: 'moved in a list whose order counts (old position → new)' },
  { sign: '!', meaning: 'what the change affects: read it before approving' },
  { sign: '@@', meaning: 'a changed text goes on at this line (unchanged lines left out)' },
];

const SIGNS = { create: '+', update: '~', delete: '-' } as const;
/** Texts longer than this are shown as a line diff even on one line. */
const LONG_TEXT = 80;

export function buildPlanView(plan: MaskedPlan): PlanView {
  const referenceStepByAddress = new Map(plan.changes.filter(isReferenceStep).map((change) => [change.address, change]));
  return {
    targetLabel: formatTarget(plan.target),
    changes: plan.changes.map((change) => buildChangeView(change, referenceStepByAddress)),
    unmanaged: plan.unmanaged.map((resource) => resource.address),
    warnings: [...plan.warnings],
    unsupported: plan.unsupported.map(({ kind, reason }) => `${getKindInfo(kind).plural}: ${reason}`),
    safety: { isUnsafe: plan.safety.isUnsafe, reasons: [...plan.safety.reasons] },
    isEmpty: plan.changes.length === 0,
    summaryLine: formatSummary(plan),
    counts: countByKind(plan),
  };
}

export function formatTarget(target: Plan['target']): string {
  const place = target.isSandbox ? `local sandbox (${target.url})` : target.url;
  return target.environment === undefined ? place : `environment ${target.environment}: ${place}`;
}

export function formatSummary(plan: Plan): string {
  const { create, update, delete: deletes, unmanaged } = plan.summary;
  return `Plan: ${create} to create, ${update} to update, ${deletes} to delete; ${unmanaged} not managed.`;
}

function buildChangeView(change: Change, referenceStepByAddress: ReadonlyMap<string, Change>): ChangeView {
  const lines: ViewLine[] = [];
  const fields = change.blocks ? change.fields.filter((field) => !field.path.startsWith('blocks.')) : change.fields;
  for (const field of fields) lines.push(...describeField(field, { action: change.action, depth: 0, kind: change.kind }));
  if (change.blocks) lines.push(...describeBlocks(change));
  for (const reason of change.consent) lines.push({ sign: '!', text: reason, depth: 0 });
  return {
    id: change.id, isReferenceStep: isReferenceStep(change), kind: change.kind, action: change.action, sign: SIGNS[change.action],
    header: oneLine(describeHeader(change, referenceStepByAddress)), lines: lines.map(toOneLine),
  };
}

function describeHeader(change: Change, referenceStepByAddress: ReadonlyMap<string, Change>): string {
  const address = change.address;
  if (change.action === 'delete') return `${address} will be deleted`;
  if (change.action === 'create') {
    if (change.phase !== 'create-without-deferred-references') return `${address} will be created`;
    const later = referenceStepByAddress.get(change.address);
    const paths = [...new Set((later?.fields ?? []).map((field) => field.path))];
    return `${address} will be created without ${paths.join(', ') || 'some references'} (set in a later step)`;
  }
  if (change.phase === 'set-deferred-references') return `${address} will be updated to set the references left out when it was created`;
  if (change.phase === 'remove-references-before-delete') return `${address} will be updated to remove references before the deletes`;
  if (change.renamedFrom !== undefined) {
    const referrers = change.referencedBy && change.referencedBy.length > 0 ? `, referenced by ${formatReferrerCounts(change.referencedBy)}` : '';
    return `${formatAddress(change.kind, change.renamedFrom)} → ${address} will be renamed${referrers}`;
  }
  return `${address} will be updated`;
}

interface FieldContext {
  action: Change['action'];
  depth: number;
  /** The kind whose schema describes the field's path; absent inside flow blocks (paths relative to the block). */
  kind?: Kind;
}

function describeField(field: FieldChange, context: FieldContext): ViewLine[] {
  const { action, depth } = context;
  const sign: LineSign = action === 'create' || field.before === undefined ? '+' : field.after === undefined ? '-' : '~';
  const label = `${field.path}:`;
  if (field.isSensitive) {
    return action === 'create'
      ? [{ sign: '+', text: `${label} (sensitive value)`, depth }]
      : [{ sign: '~', text: label, before: '(sensitive value)', after: '(new sensitive value)', depth }];
  }
  if (isLongText(field)) return describeLongText(field, sign, depth);
  const shape = context.kind === undefined ? undefined : readListShape(findFieldSchema(context.kind, field.path));
  if (shape) {
    const list = describeList(field, shape, sign, depth);
    if (list) return [list];
  }
  if (sign === '+') return [{ sign, text: `${label} ${formatValue(field.after)}`, depth }];
  if (sign === '-') return [{ sign, text: `${label} ${formatValue(field.before)}`, depth }];
  return [{ sign, text: label, before: formatValue(field.before), after: formatValue(field.after), depth }];
}

function describeLongText(field: FieldChange, sign: LineSign, depth: number): ViewLine[] {
  const lines: ViewLine[] = [{ sign, text: `${field.path}:`, depth }];
  if (field.before === undefined || field.after === undefined) {
    const bodySign = sign === '-' ? '-' : '+';
    for (const text of String(field.after ?? field.before).split('\n')) lines.push({ sign: bodySign, text, depth: depth + 1 });
    return lines;
  }
  const body = diffTextLines(String(field.before), String(field.after));
  body.forEach((line, index) => {
    if (line.symbol !== '@') lines.push({ sign: line.symbol, text: line.text, depth: depth + 1 });
    // The first hunk needs no marker when it starts at the first line.
    else if (index > 0 || line.newStart !== 1) lines.push({ sign: '@@', text: `line ${line.newStart ?? 1}`, depth: depth + 1 });
  });
  return lines;
}

/** A list field: a change element by element; a new list of phrases (schedule intervals) one item per line. */
function describeList(field: FieldChange, shape: ListShape, sign: LineSign, depth: number): ViewLine | undefined {
  const before = field.before === undefined ? [] : field.before;
  const after = field.after === undefined ? [] : field.after;
  if (!Array.isArray(before) || !Array.isArray(after)) return undefined;
  const text = `${field.path}:`;
  if (sign === '+' || sign === '-') {
    const items = shape.sortItems(sign === '+' ? after : before);
    if (!shape.hasItemFormat) return { sign, text: `${text} ${formatValue(items)}`, depth };
    return { sign, text, depth, items: items.map((item) => ({ sign, text: shape.formatItem(item), depth: depth + 1 })) };
  }
  const entries = diffListItems(shape.sortItems(before), shape.sortItems(after), shape.keyOf ? { isOrdered: shape.isOrdered, keyOf: shape.keyOf } : { isOrdered: shape.isOrdered });
  if (entries.length === 0) return undefined;
  const line: ViewLine = { sign: '~', text, depth, items: entries.map((entry) => describeListEntry(entry, shape, depth + 1)) };
  if (!shape.hasItemFormat) line.hasInlineItems = true;
  return line;
}

function describeListEntry(entry: ListEntry, shape: ListShape, depth: number): ViewLine {
  switch (entry.sign) {
    case '+':
    case '-':
      return { sign: entry.sign, text: shape.formatItem(entry.item), depth };
    case '~':
      return { sign: '~', text: '', before: shape.formatItem(entry.before), after: shape.formatItem(entry.after), depth };
    case '↕':
      return { sign: '↕', text: `${shape.formatItem(entry.item)}, position`, before: String(entry.from), after: String(entry.to), depth };
  }
}

function isLongText(field: FieldChange): boolean {
  if (!field.isText) return false;
  const values = [field.before, field.after].filter((value): value is string => typeof value === 'string');
  return values.some((value) => value.includes('\n') || value.length > LONG_TEXT);
}

/** Flows: blocks added (with what the contact reads), removed and changed, and edges rewired. */
function describeBlocks(change: Change): ViewLine[] {
  const blocks = change.blocks!;
  const lines: ViewLine[] = [];
  for (const id of blocks.added) {
    const block = readBlock(change.after, id);
    lines.push({ sign: '+', text: `block ${id}${describeFlowBlockTitle(block)}`, depth: 0 }, ...describeFlowBlockContent(block, 1));
  }
  for (const id of blocks.removed) lines.push({ sign: '-', text: `block ${id}${describeFlowBlockTitle(readBlock(change.before, id))}`, depth: 0 });
  for (const { id, fields } of blocks.changed) {
    lines.push({ sign: '~', text: `block ${id}:`, depth: 0 });
    for (const field of fields) lines.push(...describeField(field, { action: 'update', depth: 1 }));
  }
  for (const edge of blocks.rewired) {
    const text = `edge ${edge.id}.${edge.edge}:`;
    if (edge.before === undefined) lines.push({ sign: '+', text: `${text} ${edge.after ?? '(none)'}`, depth: 0 });
    else if (edge.after === undefined) lines.push({ sign: '-', text: `${text} ${edge.before}`, depth: 0 });
    else lines.push({ sign: '~', text, before: edge.before, after: edge.after, depth: 0 });
  }
  return lines;
}

function readBlock(spec: Spec | undefined, id: string): { [key: string]: JsonValue } | undefined {
  const blocks = spec?.blocks;
  const block = blocks && typeof blocks === 'object' && !Array.isArray(blocks) ? blocks[id] : undefined;
  return block && typeof block === 'object' && !Array.isArray(block) ? block : undefined;
}

/** Names and texts from a tenant may hold line breaks: each line of the view stays one line. */
function toOneLine(line: ViewLine): ViewLine {
  const result: ViewLine = { ...line, text: oneLine(line.text) };
  if (line.before !== undefined) result.before = oneLine(line.before);
  if (line.after !== undefined) result.after = oneLine(line.after);
  if (line.items) result.items = line.items.map(toOneLine);
  return result;
}

function oneLine(text: string): string {
  return neutralizeControlChars(text, { isSingleLine: true });
}

function countByKind(plan: Plan): KindCounts[] {
  const counts = new Map<Kind, KindCounts>();
  const get = (kind: Kind) => {
    let entry = counts.get(kind);
    if (!entry) counts.set(kind, (entry = { kind, create: 0, update: 0, delete: 0, unmanaged: 0 }));
    return entry;
  };
  for (const change of plan.changes) {
    if (isReferenceStep(change)) continue;
    get(change.kind)[change.action] += 1;
  }
  for (const resource of plan.unmanaged) get(resource.kind).unmanaged += 1;
  return kindInfos.map((info) => counts.get(info.kind)).filter((entry): entry is KindCounts => entry !== undefined);
}
