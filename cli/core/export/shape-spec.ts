/**
 * Turns a live spec into the spec an export writes: texts, durations, aliased names (weekdays) and phone numbers in canonical form, set-like
 * lists sorted (case kept, unlike the comparison form), server defaults left out, keys in the
 * schema's property order, and sensitive values replaced by `${env:…}` placeholders (write-only
 * ones, such as initial passwords, left out). The result always plans as "no change" against the
 * live spec it came from: every default is dropped only after checking exactly that.
 */
import { getAtPath, listVocabulary, resolveSchemaNode, setAtPath, walkSpec, type SchemaNode, type SpecPath } from '../kinds/schema-walk.js';
import type { JsonValue, Kind, Spec } from '../model/resource.js';
import { canonicalJson } from '../normalize/canonical-json.js';
import { normalizeSpec, toComparableSpec } from '../normalize/normalize-spec.js';
import { normalizeDuration, normalizeText } from '../normalize/normalize-values.js';
import { resolveAlias } from '../normalize/resolve-alias.js';
import { normalizePhone } from '../normalize/normalize-phone.js';
import { compareText } from '../compare-text.js';

/** A sensitive value the export replaced with a placeholder. */
export interface SecretPlaceholder {
  path: SpecPath;
  /** The environment variable the placeholder names, such as `CONECTA_SECRET_ATENDIMENTO_API_AUTHORIZATION`. */
  envName: string;
  /** For a secret inside a URL: which part (`password`, `user`, `query token`); the placeholder replaces only it. */
  urlPart?: string;
}

export interface ShapedSpec {
  spec: Spec;
  secrets: SecretPlaceholder[];
}

type JsonObject = { [key: string]: JsonValue };

/**
 * `resourceName` names the placeholders; `takenEnvNames` holds the names already used in this
 * export (it is extended), so that two secrets never share a variable.
 */
export function shapeSpec(kind: Kind, live: Spec, resourceName: string, takenEnvNames: Set<string>): ShapedSpec {
  const spec = canonicalizeValues(kind, toComparableSpec(kind, structuredClone(live)));
  const secrets = [...replaceSensitiveValues(kind, spec, resourceName, takenEnvNames), ...replaceUrlSecrets(kind, spec, resourceName, takenEnvNames)];
  omitDefaults(kind, spec, comparisonText(kind, spec), secrets);
  return { spec: orderKeys(kind, spec), secrets };
}

function comparisonText(kind: Kind, spec: Spec): string {
  return canonicalJson(normalizeSpec(kind, toComparableSpec(kind, spec)));
}

interface Visit {
  path: SpecPath;
  node: SchemaNode;
  value: JsonValue;
}

function collectVisits(kind: Kind, spec: Spec): Visit[] {
  const visits: Visit[] = [];
  walkSpec(kind, spec, ({ path, node, value }) => visits.push({ path, node, value }));
  return visits;
}

function canonicalizeValues(kind: Kind, spec: Spec): Spec {
  // Children first, so that a set is sorted on its final items.
  for (const { path, node, value } of collectVisits(kind, spec).reverse()) {
    if (typeof value === 'string' && node['x-text'] === true) setAtPath(spec, path, normalizeText(value));
    else if (typeof value === 'string' && node['x-duration'] === true) setAtPath(spec, path, normalizeDuration(value));
    else if (typeof value === 'string' && node['x-aliases']) setAtPath(spec, path, resolveAlias(node['x-aliases'], value));
    else if (typeof value === 'string' && node['x-phone'] === true) setAtPath(spec, path, normalizePhone(value));
    else if (Array.isArray(value) && node['x-set'] === true) setAtPath(spec, path, sortSet(getAtPath(spec, path) as JsonValue[], node));
  }
  return spec;
}

/** Values of an enum (or of an alias table) in the schema's order (weekdays `mon`…`sun`, permissions as documented); others by text. */
function sortSet(items: JsonValue[], node: SchemaNode): JsonValue[] {
  const vocabulary = listVocabulary(node.items);
  const rank = (item: JsonValue): number => {
    const index = typeof item === 'string' ? vocabulary.indexOf(item) : -1;
    return index === -1 ? vocabulary.length : index;
  };
  return items
    .map((item) => ({ item, rank: rank(item), text: typeof item === 'string' ? item : canonicalJson(item) }))
    .sort((a, b) => a.rank - b.rank || compareText(a.text, b.text))
    .map(({ item }) => item);
}

/** Code-point order: the same on every machine, whatever the locale. */
function replaceSensitiveValues(kind: Kind, spec: Spec, resourceName: string, takenEnvNames: Set<string>): SecretPlaceholder[] {
  const visits = collectVisits(kind, spec);
  const nodes = new Map(visits.map(({ path, node }) => [pathText(path), node]));
  const secrets: SecretPlaceholder[] = [];
  for (const { path, node } of visits) {
    if (node['x-sensitive'] !== true) continue;
    if (node.writeOnly === true) {
      deleteAt(spec, path);
      continue;
    }
    const envName = chooseEnvName(resourceName, path, nodes, takenEnvNames);
    setAtPath(spec, path, `\${env:${envName}}`);
    secrets.push({ path, envName });
  }
  return secrets;
}

/** Query parameters whose value is a credential (`?token=…`, `&api_key=…`, `&sig=…`). */
const SECRET_QUERY_NAME = /^(access_?token|auth|authorization|bearer|code|jwt|key|pass|pwd|sid|sig|signature|session)$|token|secret|passw|api_?key|apikey|credential|private/i;
/** A value that is a whole http(s) URL (a flow block's `url`, for example). */
const WHOLE_URL = /^(https?:\/\/)([^/?#\s]*@)?([^\s]*)$/i;

/**
 * Credentials inside URLs (userinfo `user:password@`, secret query parameters) become
 * `${env:…}` placeholders too, in place: the rest of the URL stays readable, and the config plans
 * as "no change" once the variables hold the values (as written in the URL, percent-encoding included).
 */
function replaceUrlSecrets(kind: Kind, spec: Spec, resourceName: string, takenEnvNames: Set<string>): SecretPlaceholder[] {
  const secrets: SecretPlaceholder[] = [];
  const visits = collectVisits(kind, spec);
  const nodes = new Map(visits.map((visit) => [pathText(visit.path), visit.node]));
  for (const { path, node, value } of visits) {
    if (typeof value !== 'string' || node['x-sensitive'] === true) continue;
    const match = WHOLE_URL.exec(value);
    if (!match) continue;
    const [, scheme, userinfo = '', rest = ''] = match;
    const placeholder = (part: string, word: string) => {
      const envName = chooseEnvName(resourceName, [...path, word], nodes, takenEnvNames);
      secrets.push({ path, envName, urlPart: part });
      return `\${env:${envName}}`;
    };
    let shownUserinfo = userinfo;
    if (userinfo !== '') {
      const colon = userinfo.indexOf(':');
      // `user:password@`: the password; a lone `token@` (GitHub-style) is the credential itself.
      shownUserinfo = colon === -1 ? `${placeholder('user', 'user')}@` : `${userinfo.slice(0, colon)}:${placeholder('password', 'password')}@`;
    }
    const queryStart = rest.indexOf('?');
    let shownRest = rest;
    if (queryStart !== -1) {
      const hashStart = rest.indexOf('#', queryStart);
      const query = rest.slice(queryStart + 1, hashStart === -1 ? undefined : hashStart);
      const parameters = query.split('&').map((parameter) => {
        const equals = parameter.indexOf('=');
        if (equals === -1) return parameter;
        const name = parameter.slice(0, equals);
        if (parameter.slice(equals + 1) === '' || !SECRET_QUERY_NAME.test(decodeQueryName(name))) return parameter;
        return `${name}=${placeholder(`query ${decodeQueryName(name)}`, decodeQueryName(name))}`;
      });
      shownRest = `${rest.slice(0, queryStart + 1)}${parameters.join('&')}${hashStart === -1 ? '' : rest.slice(hashStart)}`;
    }
    const shown = `${scheme}${shownUserinfo}${shownRest}`;
    if (shown !== value) setAtPath(spec, path, shown);
  }
  return secrets;
}

function decodeQueryName(name: string): string {
  try {
    return decodeURIComponent(name.replace(/\+/g, ' '));
  } catch {
    return name;
  }
}

/**
 * `CONECTA_SECRET_<RESOURCE>_<KEYS…>`: the resource's name, then the path's map keys (block ids,
 * header names) and its last step; schema property names such as `blocks` or `headers` are left out.
 */
function chooseEnvName(resourceName: string, path: SpecPath, nodes: Map<string, SchemaNode>, takenEnvNames: Set<string>): string {
  const parts = [resourceName];
  path.forEach((step, index) => {
    const parent = nodes.get(pathText(path.slice(0, index)));
    const isProperty = typeof step === 'string' && parent?.properties?.[step] !== undefined;
    if (!isProperty || index === path.length - 1) parts.push(String(step));
  });
  const base = `CONECTA_SECRET_${parts.map(toEnvWord).filter((word) => word !== '').join('_')}`;
  let name = base;
  for (let suffix = 2; takenEnvNames.has(name); suffix += 1) name = `${base}_${suffix}`;
  takenEnvNames.add(name);
  return name;
}

function toEnvWord(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

/** Drops, deepest first, every field whose removal leaves the compared spec unchanged. */
function omitDefaults(kind: Kind, spec: Spec, target: string, secrets: SecretPlaceholder[]): void {
  const placeholders = new Set(secrets.map((secret) => pathText(secret.path)));
  const visits = collectVisits(kind, spec);
  const nodes = new Map(visits.map(({ path, node }) => [pathText(path), node]));
  for (const { path } of visits.reverse()) {
    if (path.length === 0 || placeholders.has(pathText(path))) continue;
    const step = path[path.length - 1];
    const parent = nodes.get(pathText(path.slice(0, -1)));
    const property = typeof step === 'string' ? parent?.properties?.[step] : undefined;
    if (!property || !hasDefault(property)) continue;
    const value = getAtPath(spec, path) as JsonValue;
    deleteAt(spec, path);
    if (comparisonText(kind, spec) !== target) setAtPath(spec, path, value);
  }
}

/** A default on the property itself or, for a `$ref` property, on the definition it points at. */
function hasDefault(node: SchemaNode): boolean {
  return node.default !== undefined || resolveSchemaNode(node).default !== undefined;
}

/**
 * Keys in the schema's property order; other keys (header names) after them, sorted. A flow's
 * blocks read in the order a contact meets them: from `start`, following each block's edges in
 * order, breadth first; blocks nothing reaches come last, sorted.
 */
function orderKeys(kind: Kind, spec: Spec): Spec {
  const nodes = new Map(collectVisits(kind, spec).map(({ path, node }) => [pathText(path), node]));
  const order = (value: JsonValue, path: SpecPath): JsonValue => {
    if (Array.isArray(value)) return value.map((item, index) => order(item, [...path, index]));
    if (value === null || typeof value !== 'object') return value;
    const declared = Object.keys(nodes.get(pathText(path))?.properties ?? {});
    const keys = [
      ...declared.filter((key) => key in value),
      ...Object.keys(value).filter((key) => !declared.includes(key)).sort(compareText),
    ];
    const result: JsonObject = {};
    for (const key of keys) result[key] = order(value[key] as JsonValue, [...path, key]);
    return result;
  };
  const ordered = order(spec, []) as Spec;
  if (kind !== 'flow' || ordered.blocks === null || typeof ordered.blocks !== 'object' || Array.isArray(ordered.blocks)) return ordered;
  // Edges are found in the blocks' schema order, so the block order does not depend on the input's key order.
  const blocks = ordered.blocks;
  ordered.blocks = Object.fromEntries(orderBlocks(ordered, collectVisits(kind, ordered)).map((id) => [id, blocks[id] as JsonValue]));
  return ordered;
}

function orderBlocks(spec: Spec, visits: Visit[]): string[] {
  const blocks = spec.blocks !== null && typeof spec.blocks === 'object' && !Array.isArray(spec.blocks) ? spec.blocks : {};
  const edges = new Map<string, string[]>();
  for (const { path, node, value } of visits) {
    if (path[0] !== 'blocks' || path.length < 3 || node['x-edge'] !== true || typeof value !== 'string') continue;
    const from = String(path[1]);
    edges.set(from, [...(edges.get(from) ?? []), value]);
  }
  const ordered: string[] = [];
  const queue = typeof spec.start === 'string' ? [spec.start] : [];
  while (queue.length > 0) {
    const id = queue.shift()!;
    if (!(id in blocks) || ordered.includes(id)) continue;
    ordered.push(id);
    queue.push(...(edges.get(id) ?? []));
  }
  return [...ordered, ...Object.keys(blocks).filter((id) => !ordered.includes(id)).sort(compareText)];
}

function pathText(path: SpecPath): string {
  return JSON.stringify(path);
}

function deleteAt(root: JsonValue, path: SpecPath): void {
  const parent = getAtPath(root, path.slice(0, -1)) as Record<string | number, JsonValue>;
  delete parent[path[path.length - 1]!];
}
