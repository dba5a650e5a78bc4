/**
 * Removes sensitive values from a plan before it leaves the process (JSON, saved plan, text,
 * Markdown): field changes keep only `isSensitive`, specs show a placeholder, and every other text
 * passes through the run's redactor (a secret pasted into a description is masked too). Done once,
 * by the service, at the render boundary: renderers and the plan file accept only a MaskedPlan.
 */
import { listSensitivePaths, type SpecPath } from '../kinds/schema-walk.js';
import type { JsonValue, Kind, Spec } from '../model/resource.js';
import type { Change, FieldChange, Plan } from './types.js';

export const SENSITIVE_PLACEHOLDER = '(sensitive)';

declare const maskedBrand: unique symbol;
/** A plan that holds no secret: what renderers and plan files accept. */
export type MaskedPlan = Plan & { readonly [maskedBrand]: true };

/** The run's redactor, as far as the core needs it. */
export interface TextMasker {
  mask(text: string): string;
}

export function maskPlan(plan: Plan, redactor: TextMasker): MaskedPlan {
  return maskStrings({ ...plan, changes: plan.changes.map(maskChange) }, redactor) as MaskedPlan;
}

/** A copy with every string (keys included) passed through the redactor. */
function maskStrings<T>(value: T, redactor: TextMasker): T {
  if (typeof value === 'string') return redactor.mask(value) as T;
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item) => maskStrings(item, redactor)) as T;
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) copy[redactor.mask(key)] = maskStrings(item, redactor);
  return copy as T;
}

function maskChange(change: Change): Change {
  const masked: Change = { ...change, fields: change.fields.map(maskField) };
  if (change.before) masked.before = maskSpec(change.kind, change.before);
  if (change.after) masked.after = maskSpec(change.kind, change.after);
  if (change.blocks) {
    const sensitive = [...listSensitive(change.kind, change.before), ...listSensitive(change.kind, change.after)];
    masked.blocks = {
      ...change.blocks,
      changed: change.blocks.changed.map(({ id, fields }) => ({
        id,
        fields: fields.map((field) => maskField(isInside(['blocks', id, ...field.path.split('.')], sensitive) ? { ...field, isSensitive: true } : field)),
      })),
    };
  }
  return masked;
}

function maskField(field: FieldChange): FieldChange {
  if (!field.isSensitive) return field;
  return { path: field.path, isSensitive: true };
}

/** A copy of `spec` with every sensitive value replaced by the placeholder. */
export function maskSpec(kind: Kind, spec: Spec): Spec {
  return replaceSensitive(kind, spec, () => SENSITIVE_PLACEHOLDER);
}

/** A copy of `spec` with every sensitive value replaced by `replace(value)` (`spec` itself when it has none). */
export function replaceSensitive(kind: Kind, spec: Spec, replace: (value: JsonValue) => JsonValue): Spec {
  const paths = listSensitivePaths(kind, spec);
  if (paths.length === 0) return spec;
  const copy = structuredClone(spec);
  for (const path of paths) {
    let parent: JsonValue = copy;
    for (const step of path.slice(0, -1)) parent = (parent as Record<string | number, JsonValue>)[step] as JsonValue;
    const last = path[path.length - 1];
    if (last !== undefined) (parent as Record<string | number, JsonValue>)[last] = replace((parent as Record<string | number, JsonValue>)[last] as JsonValue);
  }
  return copy;
}

function listSensitive(kind: Kind, spec: Spec | undefined): SpecPath[] {
  return spec ? listSensitivePaths(kind, spec) : [];
}

function isInside(path: (string | number)[], sensitive: readonly SpecPath[]): boolean {
  const text = path.join('.');
  return sensitive.some((candidate) => {
    const other = candidate.join('.');
    return text === other || text.startsWith(`${other}.`) || other.startsWith(`${text}.`);
  });
}
