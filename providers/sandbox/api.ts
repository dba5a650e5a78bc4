// The /api/v4 routes: auth, and list/get/create/update/delete for every kind. Works on
// plain values (method, path, query, body) and returns the reply; server.ts does the HTTP.

import { bearerToken, type TokenRegistry } from './auth.js';
import { KIND_NAMES, KINDS, type KindName } from './kinds.js';
import { isUnpaginated, paginate } from './pagination.js';
import { notFoundMessage, type Store, type StoreError } from './store.js';
import { isPlainObject, type JsonObject } from './wire.js';

export interface ApiRequest {
  method: string;
  /** Path after /api/v4, without a trailing slash, e.g. "/campaigns/65a…". */
  path: string;
  query: URLSearchParams;
  body: unknown;
  authorization: string | undefined;
}

export interface ApiReply {
  status: number;
  body: unknown;
  /** The store changed and must be saved. */
  mutated?: boolean;
  /** The kind a write concerned, and the unknown fields it dropped. */
  ignored?: { kind: KindName; paths: string[] };
}

export interface ApiContext {
  store: Store;
  tokens: TokenRegistry;
  credentials: { email: string; password: string };
  flowsEnabled: boolean;
  /** Absolute URL of /api/v4, for pagination links. */
  apiUrl: string;
  now: () => Date;
  adminUserId: string;
  /** A replayed tenant's signed-in account (`/auth/me` as captured), answered instead of the sandbox's own. */
  replayedUser?: JsonObject;
  /** Kinds whose list a replayed tenant answered as a bare array, served the same way. */
  bareArrayKinds?: ReadonlySet<KindName>;
}

export const UNAUTHORIZED: ApiReply = { status: 401, body: { error: 'Unauthorized' } };
export const ROUTE_NOT_FOUND: ApiReply = { status: 404, body: { message: 'Not Found' } };
const METHOD_NOT_ALLOWED: ApiReply = { status: 405, body: { message: 'Method Not Allowed' } };

export function handleApi(ctx: ApiContext, req: ApiRequest): ApiReply {
  if (req.path.startsWith('/auth/')) return handleAuth(ctx, req);
  const token = bearerToken(req.authorization);
  const route = matchKindRoute(ctx, req.path);
  if (!route) return ROUTE_NOT_FOUND;
  if (ctx.tokens.state(token) !== 'valid') return UNAUTHORIZED;
  return handleKind(ctx, req, route);
}

function sessionUser(ctx: ApiContext): JsonObject {
  if (ctx.replayedUser) return structuredClone(ctx.replayedUser);
  const group = ctx.store.findByKey('userGroup', 'Administrador');
  return {
    _id: ctx.adminUserId, type: 'admin', email: ctx.credentials.email, name: 'Sandbox Admin',
    status: 'online', groupId: group?.['_id'] ?? '',
  };
}

function handleAuth(ctx: ApiContext, req: ApiRequest): ApiReply {
  const token = bearerToken(req.authorization);
  switch (`${req.method} ${req.path}`) {
    case 'POST /auth/login': {
      const body = isPlainObject(req.body) ? req.body : {};
      const errors: Record<string, string[]> = {};
      for (const field of ['email', 'password']) {
        if (typeof body[field] !== 'string' || body[field] === '') errors[field] = [`The ${field} field is required.`];
      }
      if (Object.keys(errors).length > 0) return { status: 422, body: { status: false, errors } };
      if (body['email'] !== ctx.credentials.email || body['password'] !== ctx.credentials.password) return UNAUTHORIZED;
      return { status: 200, body: { user: sessionUser(ctx), token: ctx.tokens.issue() } };
    }
    case 'GET /auth/refresh':
      if (ctx.tokens.state(token) === 'unknown') return UNAUTHORIZED;
      return { status: 200, body: { token: ctx.tokens.issue() } };
    case 'GET /auth/me':
      if (ctx.tokens.state(token) !== 'valid') return UNAUTHORIZED;
      return { status: 200, body: sessionUser(ctx) };
    case 'GET /auth/logout':
      if (ctx.tokens.state(token) !== 'valid' || token === undefined) return UNAUTHORIZED;
      ctx.tokens.revoke(token);
      return { status: 200, body: { success: true } };
    default:
      return ROUTE_NOT_FOUND;
  }
}

interface KindRoute {
  kind: KindName;
  /** undefined: the collection; otherwise the path segment after it. */
  tail: string | undefined;
}

function matchKindRoute(ctx: ApiContext, path: string): KindRoute | undefined {
  for (const kind of KIND_NAMES) {
    if (kind === 'flow' && !ctx.flowsEnabled) continue;
    const route = KINDS[kind].route;
    if (path === route) return { kind, tail: undefined };
    if (path.startsWith(`${route}/`)) {
      const tail = path.slice(route.length + 1);
      const isEmailLookup = kind === 'agent' && /^email\/[^/]+$/.test(tail);
      if (tail !== '' && (isEmailLookup || !tail.includes('/'))) return { kind, tail };
    }
  }
  return undefined;
}

function storeError(error: StoreError): ApiReply {
  switch (error.code) {
    case 'not_found':
      return { status: 404, body: { success: false, message: error.message } };
    case 'invalid':
      return { status: 422, body: { status: false, errors: error.errors } };
    case 'duplicate':
      return { status: 409, body: { status: 'fail', response: error.message } };
    case 'referenced':
      return { status: 409, body: { success: false, message: error.message } };
    case 'builtin':
      return { status: 403, body: { success: false, message: error.message } };
  }
}

function includesText(value: unknown, wanted: string): boolean {
  return typeof value === 'string' && value.toLowerCase().includes(wanted.toLowerCase());
}

function listRecords(ctx: ApiContext, kind: KindName, query: URLSearchParams): ApiReply {
  // Filter and page the stored records first, then copy only the page (a list of 25,000 teams
  // must not copy every team, nor scan every agent per team, for each page).
  let records = ctx.store.listStored(kind);
  const name = query.get('name');
  if (name && (kind === 'team' || kind === 'agent')) records = records.filter((r) => includesText(r['name'], name));
  const campaign = query.get('campaign_id');
  if (campaign && kind === 'agent') {
    records = records.filter((r) => Array.isArray(r['campaigns']) && r['campaigns'].includes(campaign));
  }
  if (isUnpaginated(query) || ctx.bareArrayKinds?.has(kind)) return { status: 200, body: ctx.store.toWireMany(kind, records) };
  const page = paginate(records, query, `${ctx.apiUrl}${KINDS[kind].route}`);
  return { status: 200, body: { ...page, data: ctx.store.toWireMany(kind, page.data) } };
}

function phpDate(date: Date): JsonObject {
  const text = date.toISOString().replace('T', ' ').replace('Z', '');
  return { date: `${text}000`, timezone_type: 3, timezone: 'UTC' };
}

function handleKind(ctx: ApiContext, req: ApiRequest, route: KindRoute): ApiReply {
  const { kind, tail } = route;
  const definition = KINDS[kind];
  if (tail === undefined) {
    if (req.method === 'GET') return listRecords(ctx, kind, req.query);
    if (req.method !== 'POST') return METHOD_NOT_ALLOWED;
    if (!isPlainObject(req.body ?? {})) return { status: 400, body: { success: false, message: 'The body must be a JSON object' } };
    const result = ctx.store.create(kind, (req.body ?? {}) as JsonObject);
    if (!result.ok) return storeError(result.error);
    return { status: 200, body: result.value, mutated: true, ignored: { kind, paths: result.ignored } };
  }
  if (tail.startsWith('email/')) {
    if (req.method !== 'GET') return METHOD_NOT_ALLOWED;
    const email = decodeURIComponent(tail.slice('email/'.length));
    const agent = ctx.store.findByKey('agent', email);
    return agent ? { status: 200, body: agent } : { status: 404, body: { success: false, message: `Agent ${email} not found` } };
  }
  const id = decodeURIComponent(tail);
  switch (req.method) {
    case 'GET': {
      if (!definition.hasGet) return METHOD_NOT_ALLOWED;
      const record = ctx.store.get(kind, id);
      return record ? { status: 200, body: record } : storeError({ code: 'not_found', message: notFoundMessage(kind, id) });
    }
    case 'PUT': {
      if (!isPlainObject(req.body ?? {})) return { status: 400, body: { success: false, message: 'The body must be a JSON object' } };
      const result = ctx.store.update(kind, id, (req.body ?? {}) as JsonObject);
      if (!result.ok) return storeError(result.error);
      const now = ctx.now();
      const body = definition.updateReply === 'record' ? result.value
        : { success: true, date: definition.updateReply === 'ack' ? now.toISOString() : phpDate(now) };
      return { status: 200, body, mutated: true, ignored: { kind, paths: result.ignored } };
    }
    case 'DELETE': {
      const ids = kind === 'agent' ? id.split(',').map((s) => s.trim()).filter((s) => s !== '') : [id];
      const result = ctx.store.remove(kind, ids);
      if (!result.ok) return storeError(result.error);
      return { status: 200, body: { success: true, message: `${ids.length} ${definition.label}(s) deleted` }, mutated: true };
    }
    default:
      return METHOD_NOT_ALLOWED;
  }
}
