/**
 * Turns the parsed documents of a config (one per file, already interpolated) into the desired
 * state: one resource per object (per word for word filters) and the merged prune policy.
 * Objects without a usable name are left out; the schema check reports them.
 */
import type { Diagnostic } from '../diagnostics.js';
import { allKinds, findKindByConfigKey, formatWordFilterName, toResourceKey } from '../kinds/registry.js';
import { wordFilterLists } from '../kinds/schema-walk.js';
import { normalizeKeyName } from '../normalize/normalize-by-schema.js';
import type { DesiredResource, DesiredState, JsonValue, Kind, PrunePolicy, SourceLocation, Spec } from '../model/resource.js';

export interface ParsedConfigFile {
  file: string;
  /** The document, a map of kinds when the file is well formed. */
  value: unknown;
  /** Line and column of `/kind`, `/kind/index` and `/wordFilters/list/index`. */
  positions: Record<string, [number, number]>;
}

export interface ResolvedConfig {
  state: DesiredState;
  diagnostics: Diagnostic[];
}

export function resolveDesiredState(files: readonly ParsedConfigFile[]): ResolvedConfig {
  const resources: DesiredResource[] = [];
  const diagnostics: Diagnostic[] = [];
  const prune: PrunePolicy = {};
  const declaredKinds = new Set<Kind>();
  const pruneOrigins = new Map<Kind, SourceLocation>();
  for (const parsed of files) {
    if (!isRecord(parsed.value)) continue;
    const locate = (pointer: string): SourceLocation => {
      const [line, column] = parsed.positions[pointer] ?? parsed.positions[pointer.replace(/\/[^/]*$/, '')] ?? [1, 1];
      return { file: parsed.file, line, column, pointer };
    };
    for (const [configKey, section] of Object.entries(parsed.value)) {
      const info = findKindByConfigKey(configKey);
      if (!info) continue;
      declaredKinds.add(info.kind);
      if (info.kind === 'word-filter') {
        if (!isRecord(section)) continue;
        for (const list of wordFilterLists) {
          const words = section[list];
          if (!Array.isArray(words)) continue;
          words.forEach((word, index) => {
            if (typeof word !== 'string') return;
            const name = formatWordFilterName(list, word);
            resources.push({ kind: 'word-filter', name, key: toResourceKey('word-filter', name), spec: { list, word }, origin: locate(`/wordFilters/${list}/${index}`) });
          });
        }
        continue;
      }
      if (!Array.isArray(section)) continue;
      section.forEach((item, index) => {
        if (!isRecord(item) || !info.keyField) return;
        const written = item[info.keyField];
        if (typeof written !== 'string' || written.length === 0) return;
        // Two spellings of one key (a blocked number with and without its `+`) are one object.
        const name = normalizeKeyName(info.kind, written);
        const spec: Spec = {};
        let renamedFrom: string | undefined;
        for (const [key, value] of Object.entries(item)) {
          if (key === 'renamedFrom') renamedFrom = typeof value === 'string' ? value : undefined;
          else spec[key] = value as JsonValue;
        }
        resources.push({ kind: info.kind, name, key: toResourceKey(info.kind, name), spec, ...(renamedFrom === undefined ? {} : { renamedFrom }), origin: locate(`/${configKey}/${index}`) });
      });
    }
    mergePrune(parsed.value.prune, locate('/prune'), prune, pruneOrigins, diagnostics);
  }
  return { state: { resources, prune, declaredKinds: allKinds.filter((kind) => declaredKinds.has(kind)) }, diagnostics };
}

function mergePrune(value: unknown, origin: SourceLocation, prune: PrunePolicy, origins: Map<Kind, SourceLocation>, diagnostics: Diagnostic[]): void {
  const entries: [Kind, boolean][] = [];
  if (typeof value === 'boolean') {
    for (const kind of allKinds) entries.push([kind, value]);
  } else if (isRecord(value)) {
    for (const [configKey, flag] of Object.entries(value)) {
      const info = findKindByConfigKey(configKey);
      if (info && typeof flag === 'boolean') entries.push([info.kind, flag]);
    }
  }
  const conflicts = new Set<string>();
  for (const [kind, flag] of entries) {
    const previous = origins.get(kind);
    if (previous && prune[kind] !== flag && previous.file !== origin.file) {
      if (conflicts.has(previous.file)) continue;
      conflicts.add(previous.file);
      diagnostics.push({
        code: 'CONFIG_PRUNE_CONFLICT', severity: 'error',
        message: `\`prune\` says ${flag} for ${kind} here but ${prune[kind]} in ${previous.file}.`,
        hint: 'Set prune in one file only, or make the files agree.',
        file: origin.file, line: origin.line, column: origin.column, pointer: '/prune',
        related: [{ message: 'prune is also set here', file: previous.file, line: previous.line, column: previous.column }],
      });
      continue;
    }
    prune[kind] = flag;
    if (!previous) origins.set(kind, origin);
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
