/**
 * The presentation model of a plan, computed once from the (masked) machine plan and drawn by
 * the text and Markdown renderers: headers, field lines, line diffs, consent, counts.
 */
import { getKindInfo, kindInfos } from '../kinds/registry.js';
import { formatAddress, type JsonValue, type Kind, type Spec } from '../model/resource.js';
import { formatReferrerCounts } from '../plan/describe-dependents.js';
import type { MaskedPlan } from '../plan/mask-plan.js';
import { isReferenceStep, type Change, type FieldChange, type Plan } from '../plan/types.js';
import { diffTextLines } from './plan-line-diff.js';

export type LineSymbol = '+' | '-' | '~' | ' ' | '@' | '!';

export interface ViewLine {
  symbol: LineSymbol;
  text: string;
  /** Nesting below the change (0: a field of the object, 1: inside a flow block or a text diff). */
  depth: number;
  /** A line of a unified text diff: drawn with its symbol glued to the text. */
  isDiffBody?: boolean;
}

export interface ChangeView {
  id: string;
  /** Sets or removes references of an object whose own step is elsewhere (not counted as a change). */
  isReferenceStep: boolean;
  kind: Kind;
  action: Change['action'];
  symbol: '+' | '~' | '-';
  /** `team.SAC will be updated`. */
  header: string;
  lines: ViewLine[];
}

export interface PlanView {
  /** `local sandbox (http://127.0.0.1:4010)` or the tenant URL. */
  targetLabel: string;
  legend: { symbol: '+' | '~' | '-'; label: string }[];
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

const SYMBOLS = { create: '+', update: '~', delete: '-' } as const;
/** Texts longer than this are shown as a line diff even on one line. */
const LONG_TEXT = 80;

export function buildPlanView(plan: MaskedPlan): PlanView {
  const actions = new Set(plan.changes.map((change) => change.action));
  const legend = (['create', 'update', 'delete'] as const).filter((action) => actions.has(action)).map((action) => ({ symbol: SYMBOLS[action], label: action }));
  const referenceStepByAddress = new Map(plan.changes.filter(isReferenceStep).map((change) => [change.address, change]));
  return {
    targetLabel: formatTarget(plan.target),
    legend,
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
  for (const field of fields) lines.push(...describeField(field, change.action, 0));
  if (change.blocks) lines.push(...describeBlocks(change));
  for (const reason of change.consent) lines.push({ symbol: '!', text: reason, depth: 0 });
  return { id: change.id, isReferenceStep: isReferenceStep(change), kind: change.kind, action: change.action, symbol: SYMBOLS[change.action], header: describeHeader(change, referenceStepByAddress), lines };
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

function describeField(field: FieldChange, action: Change['action'], depth: number): ViewLine[] {
  const symbol: LineSymbol = action === 'create' || field.before === undefined && !field.isSensitive ? '+' : field.after === undefined && !field.isSensitive ? '-' : '~';
  if (field.isSensitive) {
    return [{ symbol: action === 'create' ? '+' : '~', text: `${field.path}: ${action === 'create' ? '(sensitive value)' : '(sensitive value changed)'}`, depth }];
  }
  if (isLongText(field)) {
    const body = field.before === undefined || field.after === undefined
      ? String(field.after ?? field.before).split('\n').map((text) => ({ symbol: symbol === '-' ? '-' as const : '+' as const, text }))
      : diffTextLines(String(field.before), String(field.after));
    return [
      { symbol, text: `${field.path}:`, depth },
      ...body.map((line): ViewLine => ({ symbol: line.symbol, text: line.text, depth: depth + 1, isDiffBody: true })),
    ];
  }
  if (symbol === '+') return [{ symbol, text: `${field.path}: ${formatValue(field.after)}`, depth }];
  if (symbol === '-') return [{ symbol, text: `${field.path}: ${formatValue(field.before)}`, depth }];
  return [{ symbol, text: `${field.path}: ${formatValue(field.before)} → ${formatValue(field.after)}`, depth }];
}

function isLongText(field: FieldChange): boolean {
  if (!field.isText) return false;
  const values = [field.before, field.after].filter((value): value is string => typeof value === 'string');
  return values.some((value) => value.includes('\n') || value.length > LONG_TEXT);
}

function describeBlocks(change: Change): ViewLine[] {
  const blocks = change.blocks!;
  const lines: ViewLine[] = [];
  for (const id of blocks.added) lines.push({ symbol: '+', text: `block ${id}${describeBlockType(change.after, id)}`, depth: 0 });
  for (const id of blocks.removed) lines.push({ symbol: '-', text: `block ${id}${describeBlockType(change.before, id)}`, depth: 0 });
  for (const { id, fields } of blocks.changed) {
    lines.push({ symbol: '~', text: `block ${id}:`, depth: 0 });
    for (const field of fields) lines.push(...describeField(field, 'update', 1));
  }
  for (const edge of blocks.rewired) {
    const symbol: LineSymbol = edge.before === undefined ? '+' : edge.after === undefined ? '-' : '~';
    lines.push({ symbol, text: `edge ${edge.id}.${edge.edge}: ${edge.before ?? '(none)'} → ${edge.after ?? '(none)'}`, depth: 0 });
  }
  return lines;
}

function describeBlockType(spec: Spec | undefined, id: string): string {
  const blocks = spec?.blocks;
  const block = blocks && typeof blocks === 'object' && !Array.isArray(blocks) ? blocks[id] : undefined;
  const type = block && typeof block === 'object' && !Array.isArray(block) ? block.type : undefined;
  return typeof type === 'string' ? ` (${type})` : '';
}

export function formatValue(value: JsonValue | undefined): string {
  return value === undefined ? '(none)' : JSON.stringify(value);
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
