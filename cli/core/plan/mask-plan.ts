/**
 * Removes sensitive values from a plan before it leaves the process (JSON, saved plan, text,
 * Markdown): field changes keep only `isSensitive`, and specs show a placeholder.
 */
import { listSensitivePaths, type SpecPath } from '../kinds/schema-walk.js';
import type { JsonValue, Kind, Spec } from '../model/resource.js';
import type { Change, FieldChange, Plan } from './types.js';

export const SENSITIVE_PLACEHOLDER = '(sensitive)';

export function maskPlan(plan: Plan): Plan {
  return { ...plan, changes: plan.changes.map(maskChange) };
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
  const paths = listSensitivePaths(kind, spec);
  if (paths.length === 0) return spec;
  const copy = structuredClone(spec);
  for (const path of paths) {
    let parent: JsonValue = copy;
    for (const step of path.slice(0, -1)) parent = (parent as Record<string | number, JsonValue>)[step] as JsonValue;
    const last = path[path.length - 1];
    if (last !== undefined) (parent as Record<string | number, JsonValue>)[last] = SENSITIVE_PLACEHOLDER;
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
