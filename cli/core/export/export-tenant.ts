/**
 * The export, as a pure function of a live snapshot: one YAML document per kind (`teams.yaml`,
 * `wordFilters.yaml`, …) and one per flow (`flows/<slug>.yaml`), deterministic, references by
 * name, server defaults left out, secrets replaced by `${env:…}` placeholders. What cannot be
 * written is returned in `skipped` with the reason, never dropped silently.
 */
import { getKindInfo, kindInfos } from '../kinds/registry.js';
import { wordFilterLists } from '../kinds/schema-walk.js';
import type { JsonValue, Kind, LiveResource, LiveSnapshot, Spec } from '../model/resource.js';
import { renderExportFile } from './render-export-file.js';
import { shapeSpec, type SecretPlaceholder } from './shape-spec.js';
import { toFlowSlug } from './to-flow-slug.js';
import { compareText } from '../compare-text.js';

export interface ExportInput {
  snapshot: LiveSnapshot;
  /** The kinds to export; the snapshot may hold others, which are ignored. */
  kinds: readonly Kind[];
  /** Where the snapshot came from (the tenant's URL), for the header. */
  target: string;
  /** `YYYY-MM-DD`, for the header. */
  date: string;
  /** `$schema` for files at the top of the output directory: a relative path or a URL. */
  schemaRef: string;
}

export interface ExportFile {
  /** Relative to the output directory, `/`-separated. */
  path: string;
  text: string;
  kind: Kind;
  /** Objects in the file (words, for word filters). */
  count: number;
  /** The placeholders written instead of secrets. */
  secrets: ExportedSecret[];
}

/** A secret the export replaced with `${env:<envName>}`. */
export interface ExportedSecret {
  envName: string;
  kind: Kind;
  /** The object's name. */
  name: string;
  /** Where the value sits in the object, dotted (`blocks.consulta.headers.Authorization`). */
  path: string;
  /** For a secret inside a URL: the part the placeholder stands for (`password`, `query token`). */
  urlPart?: string;
}

export interface SkippedExport {
  kind: Kind;
  /** The object's name, when one object was left out (absent when the whole kind was). */
  name?: string;
  /** The field, when only a value of the object could not be read. */
  field?: string;
  reason: string;
}

export interface ExportOutput {
  files: ExportFile[];
  /** Objects exported, by YAML key (`teams`, `wordFilters`, …), for every requested kind that the tenant supports. */
  counts: Record<string, number>;
  skipped: SkippedExport[];
}

interface ShapedResource {
  kind: Kind;
  name: string;
  spec: Spec;
  secrets: SecretPlaceholder[];
}

const SECRET_NOTE = 'secret: not exported; set this variable before plan/apply';

export function exportTenant(input: ExportInput): ExportOutput {
  const requested = kindInfos.filter((info) => input.kinds.includes(info.kind));
  const unsupported = new Map(input.snapshot.unsupported.map((entry) => [entry.kind, entry.reason]));
  const files: ExportFile[] = [];
  const counts: Record<string, number> = {};
  const skipped: SkippedExport[] = [];
  const takenEnvNames = new Set<string>();

  for (const info of requested) {
    const reason = unsupported.get(info.kind);
    if (reason !== undefined) {
      skipped.push({ kind: info.kind, reason });
      continue;
    }
    const { kept, duplicates } = dropDuplicates(input.snapshot.resources.filter((resource) => resource.kind === info.kind));
    skipped.push(...duplicates);
    const shaped = kept.map((resource) => ({ kind: resource.kind, name: resource.name, ...shapeSpec(info.kind, resource.spec, resource.name, takenEnvNames) }));
    counts[info.configKey] = shaped.length;
    if (shaped.length === 0) continue;
    if (info.kind === 'flow') files.push(...renderFlowFiles(shaped, input));
    else if (info.kind === 'word-filter') files.push(renderWordFilterFile(shaped, input));
    else files.push(renderKindFile(info.kind, shaped, input));
  }
  return { files, counts, skipped };
}

/** Objects sorted by natural key; a second object with the same key cannot be written and is reported. */
function dropDuplicates(resources: LiveResource[]): { kept: LiveResource[]; duplicates: SkippedExport[] } {
  const sorted = [...resources].sort((a, b) => compareText(a.key, b.key) || compareText(a.name, b.name) || compareText(a.id, b.id));
  const kept: LiveResource[] = [];
  const duplicates: SkippedExport[] = [];
  for (const resource of sorted) {
    const previous = kept[kept.length - 1];
    if (previous && previous.key === resource.key) {
      const label = getKindInfo(resource.kind).plural.replace(/s$/, '');
      duplicates.push({ kind: resource.kind, name: resource.name, reason: `another ${label} has the same ${resource.kind === 'word-filter' ? 'word' : 'name'} (a config cannot hold both); rename or remove one in Conecta, then export again` });
      continue;
    }
    kept.push(resource);
  }
  return { kept, duplicates };
}

function renderKindFile(kind: Kind, shaped: ShapedResource[], input: ExportInput): ExportFile {
  const { configKey } = getKindInfo(kind);
  const secrets = shaped.flatMap((resource, index) => resource.secrets.map((secret) => ({ ...secret, path: [index, ...secret.path] })));
  const text = renderExportFile({
    schemaRef: input.schemaRef,
    target: input.target,
    date: input.date,
    notes: secretNotes(secrets),
    key: configKey,
    value: shaped.map((resource) => resource.spec),
    comments: secretComments(secrets),
  });
  return { path: `${configKey}.yaml`, text, kind, count: shaped.length, secrets: listSecrets(shaped) };
}

/** One `{list, word}` per resource becomes `wordFilters: {agentBlocked: [...], noFlowStart: [...]}`. */
function renderWordFilterFile(shaped: ShapedResource[], input: ExportInput): ExportFile {
  const lists: Record<string, string[]> = {};
  for (const { spec } of shaped) {
    if (typeof spec.list !== 'string' || typeof spec.word !== 'string') continue;
    (lists[spec.list] ??= []).push(spec.word);
  }
  const value: Record<string, JsonValue> = {};
  for (const list of wordFilterLists) {
    const words = lists[list];
    if (words) value[list] = words.sort((a, b) => compareText(a.toLowerCase(), b.toLowerCase()) || compareText(a, b));
  }
  const text = renderExportFile({ schemaRef: input.schemaRef, target: input.target, date: input.date, notes: [], key: 'wordFilters', value, comments: [] });
  return { path: 'wordFilters.yaml', text, kind: 'word-filter', count: shaped.length, secrets: [] };
}

function renderFlowFiles(shaped: ShapedResource[], input: ExportInput): ExportFile[] {
  const taken = new Set<string>();
  const schemaRef = isUrl(input.schemaRef) ? input.schemaRef : `../${input.schemaRef}`;
  return shaped.map((resource) => {
    const base = toFlowSlug(resource.name);
    let slug = base;
    for (let suffix = 2; taken.has(slug); suffix += 1) slug = `${base}-${suffix}`;
    taken.add(slug);
    const secrets = resource.secrets.map((secret) => ({ ...secret, path: [0, ...secret.path] }));
    const text = renderExportFile({
      schemaRef,
      target: input.target,
      date: input.date,
      notes: secretNotes(secrets),
      key: 'flows',
      value: [resource.spec],
      comments: secretComments(secrets),
    });
    return { path: `flows/${slug}.yaml`, text, kind: 'flow' as const, count: 1, secrets: listSecrets([resource]) };
  });
}

function listSecrets(shaped: ShapedResource[]): ExportedSecret[] {
  return shaped.flatMap((resource) => resource.secrets.map((secret) => ({ envName: secret.envName, kind: resource.kind, name: resource.name, path: secret.path.join('.'), ...(secret.urlPart === undefined ? {} : { urlPart: secret.urlPart }) })));
}

/** One note per value that holds a placeholder (a URL may hold several). */
function secretComments(secrets: SecretPlaceholder[]): { path: SecretPlaceholder['path']; text: string }[] {
  const seen = new Set<string>();
  return secrets.filter((secret) => !seen.has(secret.path.join('\u0000')) && seen.add(secret.path.join('\u0000'))).map((secret) => ({ path: secret.path, text: SECRET_NOTE }));
}

function secretNotes(secrets: SecretPlaceholder[]): string[] {
  if (secrets.length === 0) return [];
  return ['Secrets are not exported. Set these environment variables before plan/apply:', ...secrets.map((secret) => `  ${secret.envName}`)];
}

function isUrl(text: string): boolean {
  return /^[a-z][a-z0-9+.-]*:/i.test(text);
}
