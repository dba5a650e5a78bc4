/**
 * Field-by-field differences between two normalised specs of one kind. Objects are walked into
 * (`waitTimeout.redirectTo`, `permissions.editContact`, `blocks.menu.text`); lists and scalars are
 * compared whole. Sensitive values are flagged while diffing, long texts are marked for a line diff.
 */
import { walkSpec, type SpecPath } from '../kinds/schema-walk.js';
import { isJsonObject, type JsonValue, type Kind, type Spec } from '../model/resource.js';
import { isJsonEqual } from '../normalize/canonical-json.js';
import type { FieldChange } from '../plan/types.js';

interface PathFlags {
  sensitive: string[];
  text: Set<string>;
}

/** `before` absent: a create (every field of `after`); `after` absent: a delete (no fields). */
export function diffFields(kind: Kind, before: Spec | undefined, after: Spec | undefined): FieldChange[] {
  if (!after) return [];
  const flags = collectPathFlags(kind, [before, after]);
  const changes: FieldChange[] = [];
  compareObjects(before, after, [], flags, changes);
  return changes;
}

function compareObjects(before: Spec | undefined, after: Spec, path: string[], flags: PathFlags, out: FieldChange[]): void {
  for (const key of unionKeys(after, before ?? {})) compareValues(before?.[key], after[key], [...path, key], flags, out);
}

function compareValues(before: JsonValue | undefined, after: JsonValue | undefined, path: string[], flags: PathFlags, out: FieldChange[]): void {
  if (isJsonObject(after) && Object.keys(after).length > 0 && (before === undefined || isJsonObject(before))) {
    compareObjects(before, after, path, flags, out);
    return;
  }
  if (before === undefined && after === undefined) return;
  if (before !== undefined && after !== undefined && isJsonEqual(before, after)) return;
  out.push(makeFieldChange(path.join('.'), before, after, flags));
}

function makeFieldChange(path: string, before: JsonValue | undefined, after: JsonValue | undefined, flags: PathFlags): FieldChange {
  const change: FieldChange = { path };
  if (before !== undefined) change.before = before;
  if (after !== undefined) change.after = after;
  if (isSensitivePath(path, flags.sensitive)) change.isSensitive = true;
  else if (flags.text.has(path) || isMultiline(before) || isMultiline(after)) change.isText = true;
  return change;
}

/** A field is sensitive when it is, contains or sits inside a sensitive value. */
export function isSensitivePath(path: string, sensitivePaths: readonly string[]): boolean {
  return sensitivePaths.some((sensitive) => path === sensitive || path.startsWith(`${sensitive}.`) || sensitive.startsWith(`${path}.`));
}

function collectPathFlags(kind: Kind, specs: (Spec | undefined)[]): PathFlags {
  const sensitive = new Set<string>();
  const text = new Set<string>();
  for (const spec of specs) {
    if (!spec) continue;
    walkSpec(kind, spec, ({ path, node }) => {
      if (node['x-sensitive'] === true) sensitive.add(formatPath(path));
      if (node['x-text'] === true) text.add(formatPath(path));
    });
  }
  return { sensitive: [...sensitive], text };
}

export function formatPath(path: SpecPath): string {
  return path.join('.');
}

function unionKeys(first: Record<string, JsonValue>, second: Record<string, JsonValue>): string[] {
  const keys = Object.keys(first);
  for (const key of Object.keys(second)) if (!(key in first)) keys.push(key);
  return keys;
}


function isMultiline(value: JsonValue | undefined): boolean {
  return typeof value === 'string' && value.includes('\n');
}
