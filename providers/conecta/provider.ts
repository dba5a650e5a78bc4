/**
 * The Provider port on the Conecta (SZ.chat v4) API. Lists are fetched once per provider
 * (memoised per kind, all pages) and kept as a catalogue per kind (id → wire object, natural key
 * → id) that create/update/delete keep current, so that ids of objects created during an apply
 * flow to their dependents. Mapping wire ⇄ model lives in ./mappers, one module per kind.
 */
import { ConectaError, IncompleteReadError, OUTCOME_UNKNOWN, RemoteError } from '../../cli/core/errors.js';
import { formatWordFilterName, getKindInfo, toResourceKey } from '../../cli/core/kinds/registry.js';
import type { Kind, LiveResource, Spec, UnsupportedKind } from '../../cli/core/model/resource.js';
import type { ListOptions, Provider, ProviderAccount, ProviderDescription, ProviderEvent, ProviderNotice, TargetInfo } from '../contract.js';
import { ConectaHttpClient, type ConectaClientOptions } from './http-client.js';
import { kindMappers } from './mappers/index.js';
import { COMMON_READ_ONLY, type KindMapper, type ReadContext, type WireObject, type WriteContext } from './mappers/types.js';
import { fetchAllPages } from './pagination.js';
import { systemClock, type Clock } from './clock.js';
import { DEFAULT_SETTLE_WINDOW_MS, settle } from './settle.js';
import { readVendorFailure } from './remote-error.js';

export interface ConectaProviderOptions extends ConectaClientOptions {
  /** True for the embedded local sandbox. */
  isSandbox?: boolean;
  /** How long to look for an object after an ambiguous create before calling its outcome unknown (default 10 s). */
  settleWindowMs?: number;
}

interface StoredObject {
  id: string;
  endpoint: string;
  wire: WireObject;
}

interface Catalogue {
  byId: Map<string, StoredObject>;
  idByKey: Map<string, string>;
}

const WRITE_ONLY_FIELDS = ['initialPassword', 'renamedFrom'];

export class ConectaProvider implements Provider {
  readonly target: TargetInfo;
  private readonly client: ConectaHttpClient;
  private readonly emit: (event: ProviderEvent) => void;
  private readonly loads = new Map<Kind, Promise<Catalogue>>();
  private readonly catalogues = new Map<Kind, Catalogue>();
  private readonly unsupported = new Map<Kind, string>();
  private readonly noticeByKey = new Map<string, ProviderNotice>();
  private description: Promise<ProviderDescription> | undefined;
  private readonly settleWindowMs: number;
  private readonly clock: Clock;

  constructor(options: ConectaProviderOptions) {
    this.client = new ConectaHttpClient(options);
    this.settleWindowMs = options.settleWindowMs ?? DEFAULT_SETTLE_WINDOW_MS;
    this.clock = options.clock ?? systemClock;
    this.emit = options.onEvent ?? (() => undefined);
    this.target = { url: options.url.replace(/\/+$/, ''), isSandbox: options.isSandbox === true };
  }

  /** `GET /api/version` (4 or 4.x expected; anything else is a warning), `GET /auth/me`, and whether `GET /flows` exists. */
  describe(): Promise<ProviderDescription> {
    this.description ??= this.probe();
    return this.description;
  }

  async list(kind: Kind, options: ListOptions = {}): Promise<LiveResource[]> {
    await this.describe();
    const mapper = kindMappers[kind];
    if (options.isFresh) this.loads.delete(kind);
    await this.loadKinds([kind, ...mapper.refersTo]);
    if (this.unsupported.has(kind)) return [];
    return [...this.getCatalogue(kind).byId.values()].map((stored) => this.toLive(mapper, stored));
  }

  async create(kind: Kind, spec: Spec): Promise<LiveResource> {
    await this.describe();
    const mapper = kindMappers[kind];
    this.assertSupported(kind);
    await this.loadKinds([kind, ...mapper.refersTo]);
    const endpoint = mapper.endpointOf(spec);
    const name = getDisplayName(kind, spec);
    // Fields the create request cannot carry (admins: `language`, `status`) follow in an update.
    const body = omitKeys(toRequestBody(mapper, mapper.toWire(spec, this.writeContext(), undefined)), mapper.updateOnlyKeys ?? []);
    let answer: unknown;
    try {
      // Sent once: the client retries a POST only when it certainly did not reach the tenant (429, refused).
      answer = await this.client.call('POST', endpoint, { body, isReplayable: false });
    } catch (error) {
      if (!(error instanceof RemoteError)) throw error;
      if (error.code === 'PROVIDER_CONFLICT') {
        // A duplicate-name answer: the object may be ours from an earlier run, or someone else's.
        const found = await this.lookUp(mapper, name, endpoint);
        if (found) return this.adopt(kind, mapper, spec, endpoint, found, error);
        throw error;
      }
      if (!isAmbiguous(error)) throw error;
      const { found, lookUps } = await settle(() => this.lookUp(mapper, name, endpoint), this.settleWindowMs, this.clock);
      if (found) return this.adopt(kind, mapper, spec, endpoint, found, error);
      throw outcomeUnknown(error, kind, name, this.settleWindowMs, lookUps);
    }
    const created = isObject(answer) && typeof answer._id === 'string'
      ? answer
      : (await settle(() => this.lookUp(mapper, name, endpoint), this.settleWindowMs, this.clock)).found;
    if (!created) throw new RemoteError({ method: 'POST', path: `/api/v4${endpoint}`, status: 200, code: 'PROVIDER_HTTP', vendorMessage: `the ${getKindInfo(kind).plural} list does not show "${name}" after its creation`, hint: 'Run `conecta plan` to see the tenant\'s state.' });
    const live = this.toLive(mapper, this.remember(kind, endpoint, withoutSecrets({ ...body, ...created })));
    return this.completeCreate(kind, mapper, spec, live);
  }

  async update(kind: Kind, id: string, spec: Spec): Promise<LiveResource> {
    await this.describe();
    const mapper = kindMappers[kind];
    this.assertSupported(kind);
    await this.loadKinds([kind, ...mapper.refersTo]);
    const stored = this.getCatalogue(kind).byId.get(id);
    const endpoint = mapper.endpointOf(spec);
    if (stored && stored.endpoint !== endpoint) {
      // A word moved to the other list: the two lists are separate collections.
      await this.delete(kind, id);
      return this.create(kind, spec);
    }
    const previous = stored?.wire;
    const managed = mapper.toWire(spec, this.writeContext(), previous);
    // Server-owned keys are never sent, whatever the mapper or the live object holds.
    const body = toRequestBody(mapper, mapper.isPartialUpdate || !previous ? managed : { ...previous, ...managed });
    const answer = await this.client.call('PUT', `${endpoint}/${encodeURIComponent(id)}`, { body });
    // Teams and admins answer `{success, date}` (szchat-go team.go, admin.go); others the object.
    const isObjectAnswer = isObject(answer) && (answer._id === id || mapper.nameOfWire(answer, endpoint) !== undefined);
    const wire = withoutSecrets({ ...(previous ?? {}), ...managed, ...(isObjectAnswer ? answer : {}), _id: id });
    return this.toLive(mapper, this.remember(kind, endpoint, wire));
  }

  async delete(kind: Kind, id: string): Promise<void> {
    await this.describe();
    const mapper = kindMappers[kind];
    this.assertSupported(kind);
    await this.loadKinds([kind]);
    const stored = this.getCatalogue(kind).byId.get(id);
    const endpoint = stored?.endpoint ?? mapper.endpoints[0] as string;
    try {
      await this.client.call('DELETE', `${endpoint}/${encodeURIComponent(id)}`);
    } catch (error) {
      // Already gone (a retried DELETE whose first attempt succeeded): the goal is reached.
      if (!(error instanceof RemoteError) || error.code !== 'PROVIDER_NOT_FOUND') throw error;
    }
    this.forget(kind, id);
  }

  notices(): ProviderNotice[] {
    return [...this.noticeByKey.values()];
  }

  async close(): Promise<void> {
    await this.client.close();
  }

  private async probe(): Promise<ProviderDescription> {
    // The three requests go out together; a failed handshake is reported in this order.
    const [version, whoAmI, flows] = await Promise.allSettled([this.probeVersion(), this.client.get('/auth/me'), this.loadKinds(['flow'])]);
    for (const outcome of [version, whoAmI, flows]) if (outcome.status === 'rejected') throw outcome.reason;
    const { apiVersion, warning } = (version as PromiseFulfilledResult<VersionProbe>).value;
    const me = (whoAmI as PromiseFulfilledResult<unknown>).value;
    const unsupported: UnsupportedKind[] = [...this.unsupported].map(([kind, reason]) => ({ kind, reason }));
    const account = readAccount(me);
    return { ...this.target, apiVersion, unsupported, ...(account ? { account } : {}), ...(warning ? { apiVersionWarning: warning } : {}) };
  }

  /**
   * `GET /api/version`. SZ.chat tenants answer `{"version":"4"}` (seen on *.sz.chat); nothing says
   * which other answers a working Conecta tenant may give, so an unexpected or missing version is
   * a warning, not a refusal: the handshake's `/auth/me` and the list reads that follow fail
   * clearly on a server that does not speak the API. Only a 5xx or no answer stops the run.
   */
  private async probeVersion(): Promise<VersionProbe> {
    let answer: unknown;
    try {
      answer = await this.client.call('GET', '/api/version', { isOutsideApi: true, isAnonymous: true });
    } catch (error) {
      if (!(error instanceof RemoteError) || error.status === undefined || error.status >= 500) throw error;
      return { apiVersion: 'unknown', warning: versionWarning(`GET /api/version answered HTTP ${error.status}, so the API version is unknown`) };
    }
    const version = isObject(answer) && (typeof answer.version === 'string' || typeof answer.version === 'number') ? String(answer.version).trim() : '';
    if (version === '') return { apiVersion: 'unknown', warning: versionWarning('GET /api/version did not say which version it is') };
    if (!/^4(\.|$)/.test(version)) return { apiVersion: version, warning: versionWarning(`GET /api/version answered version ${JSON.stringify(version).slice(0, 40)}, not 4`) };
    return { apiVersion: version };
  }

  private async loadKinds(kinds: readonly Kind[]): Promise<void> {
    await Promise.all([...new Set(kinds)].map((kind) => this.loadKind(kind)));
  }

  private loadKind(kind: Kind): Promise<Catalogue> {
    let load = this.loads.get(kind);
    if (!load) {
      load = this.fetchCatalogue(kind);
      this.loads.set(kind, load);
      // A failed load may be retried by a later call.
      load.catch(() => this.loads.delete(kind));
    }
    return load;
  }

  private async fetchCatalogue(kind: Kind): Promise<Catalogue> {
    const mapper = kindMappers[kind];
    const catalogue: Catalogue = { byId: new Map(), idByKey: new Map() };
    try {
      const what = getKindInfo(kind).plural;
      const lists = await Promise.all(mapper.endpoints.map(async (endpoint) => ({ endpoint, objects: await fetchAllPages(this.client, endpoint, { what }) })));
      for (const { endpoint, objects } of lists) for (const wire of objects) checkNaturalKey(mapper, what, endpoint, wire);
      this.catalogues.set(kind, catalogue);
      for (const { endpoint, objects } of lists) for (const wire of objects) this.remember(kind, endpoint, wire);
    } catch (error) {
      if (kind === 'flow' && error instanceof RemoteError && error.code === 'PROVIDER_NOT_FOUND') {
        this.unsupported.set('flow', 'this tenant does not expose flows through its API (GET /api/v4/flows answered 404)');
        this.catalogues.set(kind, catalogue);
        return catalogue;
      }
      throw error;
    }
    return catalogue;
  }

  private getCatalogue(kind: Kind): Catalogue {
    const catalogue = this.catalogues.get(kind);
    if (!catalogue) throw new Error(`${kind} list not loaded`);
    return catalogue;
  }

  private remember(kind: Kind, endpoint: string, wire: WireObject): StoredObject {
    const id = typeof wire._id === 'string' ? wire._id : '';
    const catalogue = this.getCatalogue(kind);
    const previous = catalogue.byId.get(id);
    if (previous) this.unindex(kind, previous);
    const stored: StoredObject = { id, endpoint, wire };
    catalogue.byId.set(id, stored);
    const name = kindMappers[kind].nameOfWire(wire, endpoint);
    if (name !== undefined) catalogue.idByKey.set(toResourceKey(kind, name), id);
    return stored;
  }

  private forget(kind: Kind, id: string): void {
    const catalogue = this.getCatalogue(kind);
    const stored = catalogue.byId.get(id);
    if (!stored) return;
    this.unindex(kind, stored);
    catalogue.byId.delete(id);
  }

  private unindex(kind: Kind, stored: StoredObject): void {
    const name = kindMappers[kind].nameOfWire(stored.wire, stored.endpoint);
    const catalogue = this.getCatalogue(kind);
    if (name !== undefined && catalogue.idByKey.get(toResourceKey(kind, name)) === stored.id) catalogue.idByKey.delete(toResourceKey(kind, name));
  }

  private toLive(mapper: KindMapper, stored: StoredObject): LiveResource {
    const kind = mapper.kind;
    const wireName = mapper.nameOfWire(stored.wire, stored.endpoint) ?? stored.id;
    const context: ReadContext = {
      nameOf: (refKind, id) => this.nameOf(refKind, id),
      notice: (field, message) => {
        const notice: ProviderNotice = { kind, name: wireName, field, message };
        this.noticeByKey.set(JSON.stringify(notice), notice);
      },
    };
    const spec = mapper.toSpec(stored.wire, context, stored.endpoint);
    const name = getDisplayName(kind, spec);
    return { kind, name, key: toResourceKey(kind, name), id: stored.id, spec };
  }

  private nameOf(kind: Kind, id: string): string | undefined {
    const stored = this.catalogues.get(kind)?.byId.get(id);
    return stored ? kindMappers[kind].nameOfWire(stored.wire, stored.endpoint) : undefined;
  }

  private writeContext(): WriteContext {
    return {
      nameOf: (kind, id) => this.nameOf(kind, id),
      wireOf: (kind, id) => this.catalogues.get(kind)?.byId.get(id)?.wire,
      idOf: (kind, name) => {
        if (this.unsupported.has(kind)) throw new ConectaError('PROVIDER_UNSUPPORTED_KIND', `a ${kind} cannot be referenced: ${this.unsupported.get(kind)}`, { hint: `Remove the reference to ${kind} "${name}".` });
        const id = this.catalogues.get(kind)?.idByKey.get(toResourceKey(kind, name));
        if (id === undefined) {
          throw new ConectaError('PROVIDER_UNRESOLVED_REFERENCE', `${kind} "${name}" does not exist in the tenant`, { hint: `Add ${kind} "${name}" to the config, or remove the reference.` });
        }
        return id;
      },
    };
  }

  /**
   * After a create: fields the create request cannot carry (`updateOnlyKeys`) are sent in an
   * update when the created object does not already hold them as the config says.
   */
  private async completeCreate(kind: Kind, mapper: KindMapper, spec: Spec, live: LiveResource): Promise<LiveResource> {
    const pending = (mapper.updateOnlyFields ?? []).filter((field) => field in spec && stableJson(live.spec[field]) !== stableJson(spec[field]));
    return pending.length === 0 ? live : this.update(kind, live.id, spec);
  }

  /** Looks an object up by natural key, bypassing the memoised list (the object may be new). */
  private async lookUp(mapper: KindMapper, name: string, endpoint: string): Promise<WireObject | undefined> {
    const key = toResourceKey(mapper.kind, name);
    const matches = (wire: WireObject): boolean => {
      const wireName = mapper.nameOfWire(wire, endpoint);
      return wireName !== undefined && toResourceKey(mapper.kind, wireName) === key;
    };
    if (mapper.keyLookupPath) {
      try {
        const answer = await this.client.get(mapper.keyLookupPath(keyName(mapper.kind, name)));
        return isObject(answer) && matches(answer) && readVendorFailure(answer) === undefined ? answer : undefined;
      } catch (error) {
        if (error instanceof RemoteError && error.code === 'PROVIDER_NOT_FOUND') return undefined;
        throw error;
      }
    }
    const filter = mapper.keyFilter?.(keyName(mapper.kind, name)) ?? {};
    // A `name` filter may match by substring [INF]: the exact key is checked here.
    return (await fetchAllPages(this.client, endpoint, { what: getKindInfo(mapper.kind).plural, filter })).find(matches);
  }

  /** After an ambiguous create: the object exists, so it is adopted and brought to `spec`. */
  private async adopt(kind: Kind, mapper: KindMapper, spec: Spec, endpoint: string, found: WireObject, cause: RemoteError): Promise<LiveResource> {
    const stored = this.remember(kind, endpoint, found);
    const live = this.toLive(mapper, stored);
    const isSame = stableJson(live.spec) === stableJson(omitKeys(spec, WRITE_ONLY_FIELDS) as Spec);
    const failure = cause.status === undefined ? cause.vendorMessage ?? 'no answer' : `HTTP ${cause.status}`;
    const how = `POST ${endpoint} failed (${failure}) but the object exists; adopted it${isSame ? '' : ' and updated it to the config'} instead of creating a duplicate`;
    this.emit({ type: 'reconciled', kind, name: live.name, how });
    return isSame ? live : this.update(kind, stored.id, spec);
  }

  private assertSupported(kind: Kind): void {
    const reason = this.unsupported.get(kind);
    if (reason) throw new ConectaError('PROVIDER_UNSUPPORTED_KIND', `${getKindInfo(kind).plural} cannot be managed: ${reason}`, { hint: `Remove the ${getKindInfo(kind).configKey} from the config for this tenant.` });
  }
}

function getDisplayName(kind: Kind, spec: Spec): string {
  if (kind === 'word-filter') return formatWordFilterName(String(spec.list), String(spec.word));
  const field = getKindInfo(kind).keyField ?? 'name';
  return String(spec[field] ?? '');
}

/** The natural key as the API knows it (word filters: the word alone). */
function keyName(kind: Kind, name: string): string {
  return kind === 'word-filter' ? name.slice(name.indexOf('/') + 1) : name;
}

/** A live object whose natural key is not a non-empty string cannot be planned (it would plan `delete tabulation.42` with no usable key). */
function checkNaturalKey(mapper: KindMapper, what: string, endpoint: string, wire: WireObject): void {
  const value = wire[mapper.wireKeyField];
  if (typeof value === 'string' && value.trim() !== '') return;
  const shown = value === undefined ? 'missing' : JSON.stringify(value);
  throw new IncompleteReadError({ what, path: `/api/v4${endpoint}`, problem: `object ${String(wire._id)} has no usable natural key: its "${mapper.wireKeyField}" is ${shown}, not a non-empty string` });
}

/** A failure after which the object may or may not have been stored: no answer, or a 5xx (a gateway's 504 included). */
function isAmbiguous(error: RemoteError): boolean {
  if (error.status === undefined) return error.code === 'PROVIDER_TIMEOUT' || error.code === 'PROVIDER_UNREACHABLE';
  return error.status >= 500;
}

function outcomeUnknown(cause: RemoteError, what: Kind, name: string, windowMs: number, lookUps: number): RemoteError {
  const failure = cause.status === undefined ? cause.vendorMessage ?? 'no answer' : `HTTP ${cause.status}`;
  return new RemoteError({
    method: cause.method,
    path: cause.path,
    ...(cause.status === undefined ? {} : { status: cause.status }),
    code: OUTCOME_UNKNOWN,
    vendorMessage: `outcome unknown: the create failed (${failure}) and ${what} "${name}" did not appear within ${Math.round(windowMs / 1000)} s (${lookUps} look-ups); it was not sent again, so it cannot be duplicated`,
    hint: 'Run `conecta plan`: it shows whether the object was stored after all (no change) or not (create), and `conecta apply` reconciles it.',
    cause,
  });
}

interface VersionProbe {
  apiVersion: string;
  warning?: string;
}

function versionWarning(detail: string): string {
  return `${detail}; this tool speaks SZ.chat API v4 and carries on. If the reads that follow fail, check CONECTA_URL (the tenant address, such as https://acme.conecta.com.vc).`;
}

/** Every outgoing body without the keys the server owns: the common ones and the kind's own. */
function toRequestBody(mapper: KindMapper, body: WireObject): WireObject {
  return omitKeys(body, [...COMMON_READ_ONLY, ...mapper.readOnlyKeys]);
}

function readAccount(me: unknown): ProviderAccount | undefined {
  if (!isObject(me)) return undefined;
  const user = isObject(me.user) ? me.user : me;
  const email = typeof user.email === 'string' ? user.email : '';
  if (email === '') return undefined;
  // `groupId`: the group that gives the account its rights, which plans protect.
  const groupId = typeof user.groupId === 'string' && user.groupId !== '' ? { userGroupId: user.groupId } : {};
  // `_id`: with the e-mail, what a saved plan is bound to (apply --plan refuses another account).
  const id = typeof user._id === 'string' && user._id !== '' ? { id: user._id } : {};
  return { ...id, name: typeof user.name === 'string' ? user.name : '', email, role: typeof user.type === 'string' ? user.type : 'unknown', ...groupId };
}

function isObject(value: unknown): value is WireObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function omitKeys(object: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  const copy = { ...object };
  for (const key of keys) delete copy[key];
  return copy;
}

function withoutSecrets(wire: WireObject): WireObject {
  return omitKeys(wire, ['password', 'password_callcenter']);
}

function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (isObject(value)) return `{${Object.keys(value).sort().map((key) => `${JSON.stringify(key)}:${stableJson(value[key])}`).join(',')}}`;
  return JSON.stringify(value);
}
