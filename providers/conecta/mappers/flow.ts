/**
 * Fluxo de Atendimento ⇄ `/flows`. NO PUBLIC EVIDENCE: szchat-go has no flow endpoint, so the
 * whole of this module is inferred [INF], in the style of the other kinds:
 * `{_id, name, description, start, blocks: {<blockId>: block}}`, Laravel-paginated list,
 * POST/PUT/DELETE like `/pauses`. A tenant answering 404 on `GET /flows` does not expose flows.
 *
 * Blocks are sent verbatim except their references (the properties the schema marks `x-ref`,
 * found with walkSpec so that new block types need no change here): a reference by name becomes
 * an id under a `_id` key. The keys the sandbox knows are fixed per kind: `team` → `team_id`,
 * `scheduleGroup` → `time_group_id`, `tabulation` → `tabulation_id`, `flow` → `flow_id`
 * (FLOW_REFERENCE_KEYS). Another referencing property `p` is sent as `p_id` (`p_ids` for a list).
 */
import type { JsonValue, Kind, Spec } from '../../../cli/core/model/resource.js';
import { getAtPath, walkSpec, type SpecPath } from '../../../cli/core/kinds/schema-walk.js';
import type { KindMapper, ReadContext, WireObject } from './types.js';
import { readString, specString } from './wire-values.js';

/** The wire key of a reference property named after its kind, and the property. */
export const FLOW_REFERENCE_KEYS: Readonly<Record<string, { property: string; kind: Kind }>> = {
  team_id: { property: 'team', kind: 'team' },
  time_group_id: { property: 'scheduleGroup', kind: 'schedule-group' },
  tabulation_id: { property: 'tabulation', kind: 'tabulation' },
  flow_id: { property: 'flow', kind: 'flow' },
};

type JsonObject = { [key: string]: JsonValue };

function isObject(value: unknown): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function wireKeyOf(property: string, kind: Kind, isList: boolean): string {
  for (const [key, entry] of Object.entries(FLOW_REFERENCE_KEYS)) {
    if (entry.property === property && entry.kind === kind && !isList) return key;
  }
  return isList ? `${property}_ids` : `${property}_id`;
}


function writeBlocks(spec: Spec, idOf: (kind: Kind, name: string) => string): JsonObject {
  const copy = structuredClone(spec) as JsonObject;
  const edits: { parent: SpecPath; property: string; kind: Kind; isList: boolean }[] = [];
  walkSpec('flow', spec, ({ path, node }) => {
    const kind = node['x-ref'];
    if (!kind || path[0] !== 'blocks' || path.length < 3) return;
    const last = path[path.length - 1];
    if (typeof last === 'number') {
      const property = path[path.length - 2];
      if (typeof property === 'string' && !edits.some((edit) => edit.property === property && JSON.stringify(edit.parent) === JSON.stringify(path.slice(0, -2)))) {
        edits.push({ parent: path.slice(0, -2), property, kind, isList: true });
      }
    } else {
      edits.push({ parent: path.slice(0, -1), property: last as string, kind, isList: false });
    }
  });
  for (const edit of edits) {
    const parent = getAtPath(copy, edit.parent);
    if (!isObject(parent)) continue;
    const value = parent[edit.property];
    delete parent[edit.property];
    parent[wireKeyOf(edit.property, edit.kind, edit.isList)] = Array.isArray(value)
      ? value.map((name) => idOf(edit.kind, String(name)))
      : idOf(edit.kind, String(value));
  }
  return isObject(copy.blocks) ? copy.blocks : {};
}

interface Renamed { path: SpecPath; wireKey: string; canonicalKind: Kind | undefined }

/** Renames `*_id` keys to their property names (ids kept), remembering where. */
function renameIdKeys(value: JsonValue, path: SpecPath, renamed: Renamed[]): JsonValue {
  if (Array.isArray(value)) return value.map((item, index) => renameIdKeys(item, [...path, index], renamed));
  if (!isObject(value)) return value;
  const result: JsonObject = {};
  for (const [key, child] of Object.entries(value)) {
    const canonical = FLOW_REFERENCE_KEYS[key];
    const match = /^(.+)_ids?$/.exec(key);
    const isIdValue = typeof child === 'string' || (Array.isArray(child) && child.every((item) => typeof item === 'string'));
    if (isIdValue && (canonical || match)) {
      const property = canonical?.property ?? (match?.[1] as string);
      if (!(property in value)) {
        result[property] = child;
        renamed.push({ path: [...path, property], wireKey: key, canonicalKind: canonical?.kind });
        continue;
      }
    }
    result[key] = renameIdKeys(child, [...path, key], renamed);
  }
  return result;
}

function readBlocks(wire: WireObject, spec: Spec, context: ReadContext): void {
  const renamed: Renamed[] = [];
  const blocks = renameIdKeys((isObject(wire.blocks) ? wire.blocks : {}) as JsonValue, ['blocks'], renamed);
  spec.blocks = blocks;
  const refKinds = new Map<string, Kind>();
  walkSpec('flow', spec, ({ path, node }) => {
    const kind = node['x-ref'];
    if (kind) refKinds.set(JSON.stringify(typeof path[path.length - 1] === 'number' ? path.slice(0, -1) : path), kind);
  });
  for (const entry of renamed) {
    const kind = refKinds.get(JSON.stringify(entry.path)) ?? entry.canonicalKind;
    const parent = getAtPath(spec, entry.path.slice(0, -1));
    const property = entry.path[entry.path.length - 1] as string;
    if (!isObject(parent)) continue;
    const ids = parent[property];
    if (kind === undefined) {
      // Not a reference after all: put the key back as the server sent it.
      delete parent[property];
      parent[entry.wireKey] = ids ?? null;
      continue;
    }
    const toName = (id: string): string => {
      const name = context.nameOf(kind, id);
      if (name === undefined) context.notice(entry.path.join('.'), `${kind} id "${id}" does not exist`);
      return name ?? id;
    };
    parent[property] = Array.isArray(ids) ? ids.map((id) => toName(String(id))) : toName(String(ids));
  }
}

export const flowMapper: KindMapper = {
  kind: 'flow',
  endpoints: ['/flows'],
  refersTo: ['team', 'schedule-group', 'tabulation', 'flow'],
  readOnlyKeys: [],
  wireKeyField: 'name',
  nameOfWire: (wire) => readString(wire, 'name') || undefined,
  endpointOf: () => '/flows',
  toSpec: (wire, context) => {
    const spec: Spec = { name: readString(wire, 'name'), description: readString(wire, 'description'), start: readString(wire, 'start'), blocks: {} };
    readBlocks(wire, spec, context);
    return spec;
  },
  toWire: (spec, context) => ({
    name: specString(spec, 'name'),
    description: specString(spec, 'description'),
    start: specString(spec, 'start'),
    blocks: writeBlocks(spec, (kind, name) => context.idOf(kind, name)),
  }),
};
