/**
 * Pseudonymises the answers of a capture (`conecta doctor --capture`) so that a user can attach
 * the file to a bug report: people's data is replaced, consistently within the file (the same
 * e-mail is the same `user-3@example.invalid` everywhere, so references by e-mail still
 * resolve), and values under secret-looking keys are removed. Ids are kept: they are the vendor's
 * random keys, and references between objects go through them.
 *
 * What counts as people's data:
 * - in people's records (`/admins`, `/agents`, `/auth/me`): every string that is not a known
 *   setting (type, status, group, hours, language…): names and codenames become `Person 4`,
 *   e-mails `user-4@example.invalid`, phone and extension numbers digits, any other text `text-4`;
 * - blocked numbers (`/blockedNumbers`): the number;
 * - anywhere: an e-mail address, a phone number (a whole value of 10 to 15 digits, with the usual
 *   separators) and the name of a person found in people's records (a team's `sequence` repeats
 *   agents' names; a closing message may mention one).
 * Configuration names (teams, tabulations, pauses…) and texts stay, unless the scope is `all`:
 * then every object's natural key becomes `<kind>_N` wherever a name is expected, and
 * configuration texts (messages, descriptions, prompts) `text-N`; contact field names stay (they
 * are identifiers that flows refer to).
 *
 * Pure: the numbering follows the order of the exchanges given, which the caller makes stable.
 */
import type { Kind } from '../../cli/core/model/resource.js';
import type { CapturedExchange, PseudonymScope } from '../capture-format.js';
import { kindMappers } from './mappers/index.js';
import { API_PREFIX } from './http-client.js';

type JsonValue = unknown;
type JsonObject = Record<string, unknown>;

/** What stands in for a removed secret. */
export const REMOVED = '<removed>';

/** Keys whose string values are credentials of some kind (`email_forgot_password` is an e-mail: see isSecretKey). */
const SECRET_KEY = /pass(word)?|senha|token|secret|cookie|authori[sz]ation|api[-_]?key|credential|session_id/i;
/** Keys holding ids or id lists (kept: random, and the references between objects). */
const ID_KEY = /(^_?id$|_id$|Id$|^id_)/;
/** Settings on people's records, kept as they are. */
const PERSON_SETTINGS = new Set([
  '_id', 'type', 'status', 'groupId', 'language', 'begin', 'end', 'history', 'campaigns', 'groups',
  'created_at', 'updated_at', 'logged_at', 'enable_login_with_remote_auth', 'agentPermission',
]);
const PERSON_NAME_KEY = /^(name|codename|nickname|full_?name|first_?name|last_?name|nome|apelido)$/i;
const EMAIL_KEY = /e-?mail/i;
const PHONE_KEY = /phone|fone|celular|whatsapp|mobile|ramal|extension|number|numero/i;
/** Configuration texts pseudonymised with the scope `all`. */
const CONFIG_TEXT_KEY = /^(message|messageEnd|messageAgent|description|text|content|greeting|body|prompt|label|title|caption)$/;
/** Keys whose value may be a configuration object's name (its own, or another's it refers to by name). */
const CONFIG_NAME_KEY = /^(name|nameGroup|description|word|transhipmentName)$/;

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;
const WHOLE_EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const WHOLE_PHONE = /^\+?[\d\s().-]+$/;

const PERSON_ROUTES = new Set([...kindMappers.administrator.endpoints, ...kindMappers.agent.endpoints].map((endpoint) => `${API_PREFIX}${endpoint}`));
const ME_ROUTE = `${API_PREFIX}/auth/me`;
const PHONE_ROUTES = new Map(kindMappers['blocked-number'].endpoints.map((endpoint) => [`${API_PREFIX}${endpoint}`, kindMappers['blocked-number'].wireKeyField]));
/** Route → the kind's natural key field and its label (`team`), for the scope `all`. */
const CONFIG_ROUTES = new Map<string, { keyField: string; label: Kind }>(
  (Object.values(kindMappers))
    // Contact field names are identifiers that flows refer to (`contact.cpf`): they stay.
    .filter((mapper) => !['administrator', 'agent', 'blocked-number', 'contact-field'].includes(mapper.kind))
    .flatMap((mapper) => mapper.endpoints.map((endpoint): [string, { keyField: string; label: Kind }] => [`${API_PREFIX}${endpoint}`, { keyField: mapper.wireKeyField, label: mapper.kind }])),
);

type Category = 'email' | 'person' | 'phone' | 'extension' | 'user' | 'text' | `config:${string}`;

export class Pseudonymiser {
  private readonly maps = new Map<Category, Map<string, string>>();
  /** Known people's names, longest first (a name inside a longer text is replaced whole). */
  private personNames: string[] = [];
  private readonly configNames = new Map<string, string>();

  constructor(readonly scope: PseudonymScope) {}

  /**
   * Pseudonymises the exchanges (copies). People's names and, with `all`, configuration names
   * are collected first, so that a name is replaced wherever it appears.
   */
  pseudonymiseExchanges(exchanges: readonly CapturedExchange[]): CapturedExchange[] {
    for (const exchange of exchanges) this.collect(exchange);
    return exchanges.map((exchange) => ({
      ...exchange,
      query: Object.fromEntries(Object.entries(exchange.query).map(([key, value]) => [key, this.rewriteString(key, value)])),
      headers: { ...exchange.headers },
      ...(exchange.body === undefined ? {} : { body: this.rewriteBody(exchange.path, exchange.body) }),
      ...(exchange.bodyText === undefined ? {} : { bodyText: this.rewriteText(exchange.bodyText) }),
    }));
  }

  /** Any free text (a notice's message): e-mails, phone numbers and known people's names replaced. */
  rewriteText(text: string): string {
    let out = text.replace(EMAIL, (email) => this.email(email));
    for (const name of this.personNames) if (out.includes(name)) out = out.split(name).join(this.person(name));
    return isPhone(out) ? this.phone(out) : out;
  }

  /** An object's name (a notice's): with the scope `all`, a configuration name is replaced too. */
  rewriteName(name: string): string {
    return (this.scope === 'all' ? this.configNames.get(name) : undefined) ?? this.rewriteText(name);
  }

  private collect(exchange: CapturedExchange): void {
    if (exchange.body === undefined) return;
    const route = exchange.path;
    for (const record of recordsOf(exchange.body, route)) {
      if (PERSON_ROUTES.has(route) || route === ME_ROUTE) {
        for (const [key, value] of Object.entries(record)) {
          if (typeof value === 'string' && PERSON_NAME_KEY.test(key) && value.trim().length >= 2) this.addPersonName(value);
          if (typeof value === 'string' && EMAIL_KEY.test(key) && WHOLE_EMAIL.test(value)) this.email(value);
        }
      }
      const config = CONFIG_ROUTES.get(route);
      if (this.scope === 'all' && config) {
        const name = record[config.keyField];
        if (typeof name === 'string' && name !== '' && !this.configNames.has(name)) this.configNames.set(name, this.pseudonym(`config:${config.label}`, name, (n) => `${config.label.replace(/-/g, '_')}_${n}`));
      }
    }
  }

  private addPersonName(name: string): void {
    this.person(name);
    if (!this.personNames.includes(name)) this.personNames = [...this.personNames, name].sort((a, b) => b.length - a.length);
  }

  private rewriteBody(route: string, body: JsonValue): JsonValue {
    const isPeople = PERSON_ROUTES.has(route) || route === ME_ROUTE;
    const phoneKey = PHONE_ROUTES.get(route);
    const config = CONFIG_ROUTES.get(route);
    const rewriteRecord = (record: JsonObject): JsonObject => {
      const out: JsonObject = {};
      for (const [key, value] of Object.entries(record)) {
        if (typeof value === 'string' && isSecretKey(key)) out[key] = value === '' ? value : REMOVED;
        else if (isPeople && typeof value === 'string' && !PERSON_SETTINGS.has(key) && !ID_KEY.test(key)) out[key] = this.personField(key, value);
        else if (phoneKey === key && typeof value === 'string') out[key] = this.phone(value);
        else if (this.scope === 'all' && config?.keyField === key && typeof value === 'string') out[key] = this.configNames.get(value) ?? value;
        else if (isPeople && key === 'user' && isObject(value)) out[key] = rewriteRecord(value);
        else out[key] = this.rewriteValue(key, value);
      }
      return out;
    };
    if (Array.isArray(body)) return body.map((item) => (isObject(item) ? rewriteRecord(item) : this.rewriteValue('', item)));
    if (!isObject(body)) return this.rewriteValue('', body);
    if (Array.isArray(body.data)) return { ...this.rewriteValue('', { ...body, data: [] }) as JsonObject, data: body.data.map((item) => (isObject(item) ? rewriteRecord(item) : this.rewriteValue('', item))) };
    return rewriteRecord(body);
  }

  /** A string of a person's record that is not a setting. */
  private personField(key: string, value: string): string {
    if (value === '') return value;
    if (PERSON_NAME_KEY.test(key)) return this.person(value);
    if (EMAIL_KEY.test(key) || WHOLE_EMAIL.test(value)) return WHOLE_EMAIL.test(value) ? this.email(value) : this.pseudonym('text', value, (n) => `text-${n}`);
    if (/ramal|extension/i.test(key)) return this.pseudonym('extension', value, (n) => String(9000 + n));
    if (PHONE_KEY.test(key)) return this.phone(value);
    if (/user_?name|login/i.test(key)) return this.pseudonym('user', value, (n) => `user-${n}`);
    return this.pseudonym('text', value, (n) => `text-${n}`);
  }

  private rewriteValue(key: string, value: JsonValue): JsonValue {
    if (typeof value === 'string') return this.rewriteString(key, value);
    if (Array.isArray(value)) return value.map((item) => this.rewriteValue(key, item));
    if (!isObject(value)) return value;
    return Object.fromEntries(Object.entries(value).map(([child, item]) => [child, typeof item === 'string' && isSecretKey(child) && item !== '' ? REMOVED : this.rewriteValue(child, item)]));
  }

  private rewriteString(key: string, value: string): string {
    if (value === '' || ID_KEY.test(key) || key === 'type' || key === 'status') return value;
    if (this.scope === 'all' && CONFIG_NAME_KEY.test(key) && this.configNames.has(value)) return this.configNames.get(value) as string;
    if (this.scope === 'all' && CONFIG_TEXT_KEY.test(key)) return this.pseudonym('text', value, (n) => `text-${n}`);
    return this.rewriteText(value);
  }

  private email(value: string): string {
    return this.pseudonym('email', value.toLowerCase(), (n) => `user-${n}@example.invalid`);
  }

  private person(value: string): string {
    return this.pseudonym('person', value, (n) => `Person ${n}`);
  }

  private phone(value: string): string {
    return this.pseudonym('phone', value.replace(/\D/g, ''), (n) => `5500000${String(n).padStart(5, '0')}`);
  }

  private pseudonym(category: Category, original: string, make: (n: number) => string): string {
    let map = this.maps.get(category);
    if (!map) {
      map = new Map();
      this.maps.set(category, map);
    }
    let pseudonym = map.get(original);
    if (pseudonym === undefined) {
      pseudonym = make(map.size + 1);
      map.set(original, pseudonym);
    }
    return pseudonym;
  }
}

/** The objects an answer holds: a page's `data`, a bare array's items, or the object itself (`/auth/me`, possibly under `user`). */
function recordsOf(body: JsonValue, route: string): JsonObject[] {
  if (Array.isArray(body)) return body.filter(isObject);
  if (!isObject(body)) return [];
  if (Array.isArray(body.data)) return body.data.filter(isObject);
  if (route === ME_ROUTE) return isObject(body.user) ? [body, body.user] : [body];
  return [];
}

function isSecretKey(key: string): boolean {
  return SECRET_KEY.test(key) && !EMAIL_KEY.test(key);
}

function isPhone(value: string): boolean {
  if (!WHOLE_PHONE.test(value)) return false;
  const digits = value.replace(/\D/g, '').length;
  return digits >= 10 && digits <= 15;
}

function isObject(value: unknown): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
