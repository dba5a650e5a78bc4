// The sandbox's records: creation-ordered lists per kind, natural-key uniqueness, reference
// checks (on write: every referenced id must exist; on delete: nothing may still refer to
// the record) and the built-in "Administrador" group. No I/O here: persistence.ts saves the
// snapshot this store produces, and journal.ts the changes it reports (StoreOptions.onChange).
// Lookups by id and by natural key go through indexes kept beside the lists, so that a write
// costs the same in a store of 10 records or of 100,000.

import { BUILTIN_GROUP_NAME, KIND_NAMES, KINDS, type KindName, type Reference } from './kinds.js';
import { isPlainObject, validateFields, type FieldErrors, type FieldSpec, type JsonObject } from './wire.js';

export interface StoreData {
  version: 1;
  records: Record<KindName, JsonObject[]>;
  /** SHA-256 of the capture file this store was initialised from (`sandbox --replay`), if any. */
  replayOf?: string;
  /**
   * The `_id` of the signed-in admin (`GET /auth/me`), kept with the data so that the tenant this
   * file holds keeps one identity across restarts (a saved plan is bound to it). Absent in files
   * written before it existed; the sandbox then adds it.
   */
  adminUserId?: string;
}

export type StoreError =
  | { code: 'not_found'; message: string }
  | { code: 'invalid'; errors: FieldErrors }
  | { code: 'duplicate'; message: string }
  | { code: 'referenced'; message: string }
  | { code: 'builtin'; message: string };

export type StoreResult<T> =
  | { ok: true; value: T; ignored: string[] }
  | { ok: false; error: StoreError };

export interface StoreOptions {
  newId: () => string;
  /** Draws the admin id to keep when the data has none. */
  newAdminId: () => string;
  now: () => Date;
  enforceUniqueKeys: boolean;
  /**
   * Strict writes: a body carrying a server-owned key (`_id`, `created_at`, `updated_at`, the
   * kind's `readOnly`) or a field the kind does not declare is answered 422 instead of having it
   * dropped. On update, fields the stored record already has are accepted and kept.
   */
  isStrict: boolean;
  /** Whether references to a kind are checked (flows are not when the endpoint is off). */
  isKindEnabled: (kind: KindName) => boolean;
  /** Told of every change, after it is made (the journal records it). */
  onChange?: (change: StoreChange) => void;
  /**
   * Whether loading adds the built-in "Administrador" group when it is missing (default true).
   * A replayed capture is the tenant as it was: nothing is added.
   */
  isBuiltinGroupAdded?: boolean;
}

/** One change to the store, as the journal records it: a record stored (new or replacing the one with its id), records removed, or everything reset. */
export type StoreChange =
  | { kind: KindName; put: JsonObject }
  | { kind: KindName; remove: string[] }
  | { reset: true };

/** Read access for tests and the admin endpoints. */
export interface StoreView {
  list(kind: KindName): JsonObject[];
  get(kind: KindName, id: string): JsonObject | undefined;
  snapshot(): StoreData;
}

function emptyRecords(): Record<KindName, JsonObject[]> {
  return Object.fromEntries(KIND_NAMES.map((kind) => [kind, []])) as unknown as Record<KindName, JsonObject[]>;
}

export function isStoreData(value: unknown): value is StoreData {
  if (!isPlainObject(value) || value['version'] !== 1 || !isPlainObject(value['records'])) return false;
  if (value['adminUserId'] !== undefined && typeof value['adminUserId'] !== 'string') return false;
  const records = value['records'];
  return Object.values(records).every((list) => Array.isArray(list) && list.every((r) => isPlainObject(r) && typeof r['_id'] === 'string'));
}

export class Store implements StoreView {
  private records = emptyRecords();
  private readonly options: StoreOptions;
  /** Per kind: id → record. */
  private byId = new Map<KindName, Map<string, JsonObject>>();
  /** Per kind: normalised natural key → records holding it, in creation order (several only with enforceUniqueKeys off). */
  private byKey = new Map<KindName, Map<string, JsonObject[]>>();
  /** Team id → ids of the agents in it; rebuilt on demand after an agent changes. */
  private agentsByTeam: Map<unknown, unknown[]> | undefined;
  /** The signed-in admin's id: from the data, else a new one; kept by `reset()`. */
  readonly adminUserId: string;

  constructor(options: StoreOptions, data?: StoreData) {
    this.options = options;
    if (data) this.load(data);
    else this.reset();
    this.adminUserId = data?.adminUserId ?? options.newAdminId();
  }

  /** Replaces the content with `data`, adding the built-in group if it is missing. */
  load(data: StoreData): void {
    this.records = emptyRecords();
    for (const kind of KIND_NAMES) this.records[kind] = (data.records[kind] ?? []).map((r) => structuredClone(r));
    this.rebuildIndexes();
    if (this.options.isBuiltinGroupAdded !== false) this.ensureBuiltinGroup();
  }

  /** Empties the store, keeping only a fresh built-in group. */
  reset(): void {
    this.records = emptyRecords();
    this.rebuildIndexes();
    this.options.onChange?.({ reset: true });
    this.ensureBuiltinGroup();
  }

  list(kind: KindName): JsonObject[] {
    return this.toWireMany(kind, this.records[kind]);
  }

  /** The stored records themselves, for filtering and paging before anything is copied. Read only. */
  listStored(kind: KindName): readonly JsonObject[] {
    return this.records[kind];
  }

  /**
   * Wire copies of some records. [INF] Membership lives on the agent (`campaigns`); a team's
   * `agents` is derived, here from one pass over the agents.
   */
  toWireMany(kind: KindName, records: readonly JsonObject[]): JsonObject[] {
    if (kind !== 'team') return records.map((record) => structuredClone(record));
    const agentsByTeam = this.membership();
    return records.map((record) => ({ ...structuredClone(record), agents: [...(agentsByTeam.get(record['_id']) ?? [])] as JsonObject[keyof JsonObject] }));
  }

  /** One pass over the agents, kept until an agent changes (every team page of a read shares it). */
  private membership(): Map<unknown, unknown[]> {
    if (this.agentsByTeam) return this.agentsByTeam;
    const agentsByTeam = new Map<unknown, unknown[]>();
    for (const agent of this.records.agent) {
      if (!Array.isArray(agent['campaigns'])) continue;
      for (const team of agent['campaigns']) {
        const members = agentsByTeam.get(team);
        if (members) members.push(agent['_id']);
        else agentsByTeam.set(team, [agent['_id']]);
      }
    }
    this.agentsByTeam = agentsByTeam;
    return agentsByTeam;
  }

  get(kind: KindName, id: string): JsonObject | undefined {
    const record = this.find(kind, id);
    return record ? this.toWire(kind, record) : undefined;
  }

  snapshot(): StoreData {
    return { version: 1, records: structuredClone(this.records), adminUserId: this.adminUserId };
  }

  create(kind: KindName, input: JsonObject): StoreResult<JsonObject> {
    const checked = this.check(kind, input, undefined);
    if (!checked.ok) return checked;
    const stamp = this.options.now().toISOString();
    const record = { _id: this.options.newId(), ...checked.value, created_at: stamp, updated_at: stamp };
    this.records[kind].push(record);
    this.index(kind, record);
    this.options.onChange?.({ kind, put: record });
    return { ok: true, value: this.toWire(kind, record), ignored: checked.ignored };
  }

  update(kind: KindName, id: string, input: JsonObject): StoreResult<JsonObject> {
    const existing = this.find(kind, id);
    if (!existing) return notFound(kind, id);
    const definition = KINDS[kind];
    const body = definition.updateMode === 'merge' ? { ...stripServerFields(kind, existing), ...input } : input;
    const checked = this.check(kind, body, existing);
    if (!checked.ok) return checked;
    if (kind === 'userGroup' && existing['name'] === BUILTIN_GROUP_NAME
      && (checked.value['name'] !== BUILTIN_GROUP_NAME || checked.value['master'] !== true)) {
      return { ok: false, error: { code: 'builtin', message: `The built-in user group ${BUILTIN_GROUP_NAME} cannot be renamed nor lose master` } };
    }
    const kept = keepStoredFields(definition.fields, existing, input, new Set([...definition.readOnly, ...Object.keys(definition.serverFields ?? {})]));
    const value = mergeKept(checked.value, kept.value);
    const record = { _id: existing['_id'], ...value, created_at: existing['created_at'], updated_at: this.options.now().toISOString() };
    const list = this.records[kind];
    list[list.indexOf(existing)] = record;
    this.unindex(kind, existing);
    this.index(kind, record);
    this.options.onChange?.({ kind, put: record });
    return { ok: true, value: this.toWire(kind, record), ignored: checked.ignored.filter((path) => !kept.paths.has(path)) };
  }

  /** Deletes all of `ids` or none: every id must exist and nothing outside the set may refer to them. */
  remove(kind: KindName, ids: readonly string[]): StoreResult<string[]> {
    const targets: JsonObject[] = [];
    for (const id of ids) {
      const record = this.find(kind, id);
      if (!record) return notFound(kind, id);
      if (kind === 'userGroup' && record['name'] === BUILTIN_GROUP_NAME) {
        return { ok: false, error: { code: 'builtin', message: `The built-in user group ${BUILTIN_GROUP_NAME} cannot be deleted` } };
      }
      targets.push(record);
    }
    const deleting = new Set(targets);
    for (const target of targets) {
      const referrers = this.referrersOf(kind, String(target['_id']), deleting);
      if (referrers.length > 0) {
        return { ok: false, error: { code: 'referenced', message: `${describe(kind, target)} is referenced by ${referrers.join(', ')}` } };
      }
    }
    this.records[kind] = this.records[kind].filter((r) => !deleting.has(r));
    for (const target of targets) this.unindex(kind, target);
    this.options.onChange?.({ kind, remove: targets.map((target) => String(target['_id'])) });
    return { ok: true, value: [...ids], ignored: [] };
  }

  findByKey(kind: KindName, key: string): JsonObject | undefined {
    const holders = this.byKey.get(kind)?.get(normaliseKey(kind, key)) ?? [];
    // Several holders only with enforceUniqueKeys off: the first created, as a scan would find.
    const record = holders.length > 1 ? this.records[kind].find((r) => holders.includes(r)) : holders[0];
    return record ? this.toWire(kind, record) : undefined;
  }

  /** Natural keys stored more than once, per kind (only possible with enforceUniqueKeys off). */
  duplicates(): Partial<Record<KindName, string[]>> {
    const out: Partial<Record<KindName, string[]>> = {};
    for (const kind of KIND_NAMES) {
      const counts = new Map<string, number>();
      for (const record of this.records[kind]) {
        const key = keyOf(kind, record);
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
      const repeated = [...counts].filter(([, n]) => n > 1).map(([key]) => key);
      if (repeated.length > 0) out[kind] = repeated;
    }
    return out;
  }

  private find(kind: KindName, id: string): JsonObject | undefined {
    return this.byId.get(kind)?.get(id);
  }

  private rebuildIndexes(): void {
    this.byId = new Map(KIND_NAMES.map((kind) => [kind, new Map()]));
    this.byKey = new Map(KIND_NAMES.map((kind) => [kind, new Map()]));
    this.agentsByTeam = undefined;
    for (const kind of KIND_NAMES) for (const record of this.records[kind]) this.index(kind, record);
  }

  private index(kind: KindName, record: JsonObject): void {
    this.byId.get(kind)?.set(String(record['_id']), record);
    const keys = this.byKey.get(kind);
    const key = keyOf(kind, record);
    const holders = keys?.get(key);
    if (holders) holders.push(record);
    else keys?.set(key, [record]);
    if (kind === 'agent') this.agentsByTeam = undefined;
  }

  private unindex(kind: KindName, record: JsonObject): void {
    const id = String(record['_id']);
    if (this.byId.get(kind)?.get(id) === record) this.byId.get(kind)?.delete(id);
    const keys = this.byKey.get(kind);
    const key = keyOf(kind, record);
    const remaining = (keys?.get(key) ?? []).filter((holder) => holder !== record);
    if (remaining.length > 0) keys?.set(key, remaining);
    else keys?.delete(key);
    if (kind === 'agent') this.agentsByTeam = undefined;
  }

  /** Validates a write; `self` is the record being updated, which may keep its own key. */
  private check(kind: KindName, input: JsonObject, self: JsonObject | undefined): StoreResult<JsonObject> {
    const definition = KINDS[kind];
    const { value, errors, ignored, serverOwned } = validateFields(definition.fields, input, definition.readOnly, self);
    if (this.options.isStrict) {
      for (const key of serverOwned) (errors[key] ??= []).push(`The ${key} field is set by the server and may not be sent.`);
      for (const path of ignored) (errors[path] ??= []).push(`The ${path} field is not a field of ${describeKind(kind)}.`);
    }
    definition.check?.(value, errors);
    if (Object.keys(errors).length > 0) return { ok: false, error: { code: 'invalid', errors } };
    for (const ref of definition.references(value)) {
      if (!this.options.isKindEnabled(ref.kind)) continue;
      if (!this.find(ref.kind, ref.id)) (errors[ref.path] ??= []).push(`The selected ${ref.path} is invalid.`);
    }
    if (Object.keys(errors).length > 0) return { ok: false, error: { code: 'invalid', errors } };
    const record = { ...(definition.normalise?.(value) ?? value), ...definition.serverFields };
    if (this.options.enforceUniqueKeys && this.keyTaken(kind, record, self)) {
      return { ok: false, error: { code: 'duplicate', message: 'existing name' } };
    }
    return { ok: true, value: record, ignored };
  }

  private keyTaken(kind: KindName, record: JsonObject, self: JsonObject | undefined): boolean {
    const key = keyOf(kind, record);
    const namespace = KINDS[kind].keyNamespace;
    return KIND_NAMES.some((other) => KINDS[other].keyNamespace === namespace
      && (this.byKey.get(other)?.get(normaliseKey(other, key)) ?? []).some((r) => r !== self));
  }

  private referrersOf(kind: KindName, id: string, excluded: ReadonlySet<JsonObject>): string[] {
    const out: string[] = [];
    for (const other of KIND_NAMES) {
      for (const record of this.records[other]) {
        if (excluded.has(record)) continue;
        const refs: Reference[] = KINDS[other].references(record);
        const paths = refs.filter((r) => r.kind === kind && r.id === id).map((r) => r.path);
        if (paths.length > 0) out.push(`${describe(other, record)} (${paths.join(', ')})`);
      }
    }
    return out;
  }

  private toWire(kind: KindName, record: JsonObject): JsonObject {
    return this.toWireMany(kind, [record])[0] as JsonObject;
  }

  private ensureBuiltinGroup(): void {
    if (this.records.userGroup.some((g) => g['name'] === BUILTIN_GROUP_NAME)) return;
    const stamp = this.options.now().toISOString();
    const group = {
      _id: this.options.newId(), name: BUILTIN_GROUP_NAME, master: true, permissions: [],
      created_at: stamp, updated_at: stamp,
    };
    this.records.userGroup.unshift(group);
    this.rebuildIndexes();
    this.options.onChange?.({ kind: 'userGroup', put: group });
  }
}

export function notFoundMessage(kind: KindName, id: string): string {
  return `${capitalise(KINDS[kind].label)} ${id} not found`;
}

function notFound(kind: KindName, id: string): { ok: false; error: StoreError } {
  return { ok: false, error: { code: 'not_found', message: notFoundMessage(kind, id) } };
}

function describeKind(kind: KindName): string {
  const label = KINDS[kind].label;
  return `${/^[aeiou]/.test(label) ? 'an' : 'a'} ${label}`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function normaliseKey(kind: KindName, key: string): string {
  return KINDS[kind].keyCaseInsensitive ? key.toLowerCase() : key;
}

function keyOf(kind: KindName, record: JsonObject): string {
  return normaliseKey(kind, String(record[KINDS[kind].keyField] ?? ''));
}

function describe(kind: KindName, record: JsonObject): string {
  return `${KINDS[kind].label} '${String(record[KINDS[kind].keyField] ?? record['_id'])}'`;
}

/**
 * The fields a stored record has that its kind does not declare (a replayed tenant's, which this
 * sandbox does not know), at any depth of declared objects. validateFields already keeps those a
 * request sends; an update keeps the others too, with their stored value (server-owned ones always
 * keep the stored value), so a client that leaves them out of a PUT does not erase what it never
 * knew. `_id` and the timestamps are the store's own.
 */
function keepStoredFields(fields: Record<string, FieldSpec>, existing: JsonObject, input: JsonObject, serverOwned: ReadonlySet<string>, prefix = ''): { value: JsonObject; paths: Set<string> } {
  const value: JsonObject = {};
  const paths = new Set<string>();
  for (const [key, stored] of Object.entries(existing)) {
    if (prefix === '' && (key === '_id' || key === 'created_at' || key === 'updated_at')) continue;
    const spec = fields[key];
    if (spec === undefined) {
      const isSent = Object.hasOwn(input, key) && !serverOwned.has(key);
      value[key] = structuredClone(isSent ? input[key] : stored);
      paths.add(prefix + key);
    } else if (spec.type === 'object' && isPlainObject(stored)) {
      const sent = input[key];
      if (sent !== undefined && !isPlainObject(sent)) continue;
      const nested = keepStoredFields(spec.fields ?? {}, stored, sent ?? {}, new Set(), `${prefix}${key}.`);
      if (Object.keys(nested.value).length > 0) value[key] = nested.value;
      for (const path of nested.paths) paths.add(path);
    }
  }
  return { value, paths };
}

/** `checked` with the kept fields added (a kept nested field goes inside its validated object). */
function mergeKept(checked: JsonObject, kept: JsonObject): JsonObject {
  const out: JsonObject = { ...kept, ...checked };
  for (const [key, value] of Object.entries(kept)) {
    if (isPlainObject(value) && isPlainObject(checked[key])) out[key] = mergeKept(checked[key], value);
  }
  return out;
}

function stripServerFields(kind: KindName, record: JsonObject): JsonObject {
  const drop = new Set([...KINDS[kind].readOnly, ...Object.keys(KINDS[kind].serverFields ?? {})]);
  return Object.fromEntries(Object.entries(record).filter(([key]) => !drop.has(key)));
}
