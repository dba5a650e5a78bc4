// The SZ.chat kinds the sandbox serves (plus inferred flows): route, wire fields (exact
// JSON tags of raykavin/szchat-go, misspellings included), natural key, references, and the
// shape of PUT replies.

import {
  bool, int, isPlainObject, json, list, map, obj, required, str, writeOnly,
  type FieldErrors, type FieldSpec, type JsonObject,
} from './wire.js';

export type KindName =
  | 'userGroup' | 'admin' | 'team' | 'agent' | 'tabulation' | 'predefinedMessage'
  | 'timeGroup' | 'wordFilterAgent' | 'wordFilterContact' | 'pause' | 'flow'
  | 'contactGroup' | 'contactField' | 'blockedNumber';

export const KIND_NAMES: readonly KindName[] = [
  'userGroup', 'admin', 'team', 'agent', 'tabulation', 'predefinedMessage',
  'timeGroup', 'wordFilterAgent', 'wordFilterContact', 'pause', 'flow',
  'contactGroup', 'contactField', 'blockedNumber',
];

/** A reference from a stored record to another record, found at a dotted path. */
export interface Reference {
  path: string;
  kind: KindName;
  id: string;
}

export interface KindDefinition {
  name: KindName;
  /** Word used in messages ("team 'SAC' is referenced by …"). */
  label: string;
  /** Path under /api/v4. */
  route: string;
  fields: Record<string, FieldSpec>;
  /** Top-level keys dropped silently on write (server-managed or derived). */
  readOnly: readonly string[];
  /** Fields the server sets on every write. */
  serverFields?: JsonObject;
  /** The field holding the natural key. */
  keyField: string;
  /** Kinds sharing a namespace must have distinct keys across all of them. */
  keyNamespace: string;
  keyCaseInsensitive: boolean;
  /** Whether `GET /{route}/{id}` exists (only where szchat-go has it, plus inferred flows). */
  hasGet: boolean;
  /** `merge`: PUT is a partial update (admins). `replace`: PUT carries the whole object. */
  updateMode: 'merge' | 'replace';
  /** PUT reply: the updated object, `{success, date}` with an ISO string, or with a PHP DateTime. */
  updateReply: 'record' | 'ack' | 'ack-php-date';
  references(record: JsonObject): Reference[];
  /** Extra rules beyond field types. */
  check?(record: JsonObject, errors: FieldErrors): void;
  /** Normalises a validated record (server-set values inside it). */
  normalise?(record: JsonObject): JsonObject;
}

const COMMON_READ_ONLY = ['_id', 'created_at', 'updated_at'];

function idAt(record: JsonObject, path: string, kind: KindName): Reference[] {
  const parts = path.split('.');
  let value: unknown = record;
  for (const part of parts) value = isPlainObject(value) ? value[part] : undefined;
  return typeof value === 'string' && value !== '' ? [{ path, kind, id: value }] : [];
}

function idsAt(record: JsonObject, path: string, kind: KindName): Reference[] {
  const parts = path.split('.');
  let value: unknown = record;
  for (const part of parts) value = isPlainObject(value) ? value[part] : undefined;
  if (!Array.isArray(value)) return [];
  return value.flatMap((id, index) => (typeof id === 'string' && id !== '' ? [{ path: `${path}.${index}`, kind, id }] : []));
}

/**
 * Flow convention [INF]: inside a block, at any depth, a property named `team_id`,
 * `time_group_id`, `tabulation_id` or `flow_id` holds the id of a record of that kind.
 */
export const FLOW_BLOCK_REFERENCE_KEYS: Readonly<Record<string, KindName>> = {
  team_id: 'team',
  time_group_id: 'timeGroup',
  tabulation_id: 'tabulation',
  flow_id: 'flow',
};

function blockReferences(value: unknown, path: string, out: Reference[]): void {
  if (Array.isArray(value)) {
    value.forEach((item, index) => blockReferences(item, `${path}.${index}`, out));
    return;
  }
  if (!isPlainObject(value)) return;
  for (const [key, item] of Object.entries(value)) {
    const kind = FLOW_BLOCK_REFERENCE_KEYS[key];
    if (kind && typeof item === 'string' && item !== '') out.push({ path: `${path}.${key}`, kind, id: item });
    else blockReferences(item, `${path}.${key}`, out);
  }
}

const timer = (): FieldSpec => obj({ enabled: bool(), limit: int(), type: str() });
const toggleWith = (key: string): FieldSpec => obj({ enabled: bool(), [key]: list(str()) });
const aiFeature = (): FieldSpec => obj({ enabled: bool(), rest_id: str() });
const waitNotice = (): FieldSpec => obj({ enabled: bool(), message: str() });

const teamPermissions = obj(Object.fromEntries([
  'contact_edit', 'finish_attendance', 'show_number', 'offline_attendance', 'agent_chat',
  'campaigns_chat', 'send_emojis', 'optin_gupshup', 'show_preview_messages', 'auto_attendance',
  'hideContactOnHold', 'hideContactOnAgentScreen', 'voice_record_enabled',
].map((key) => [key, bool()])));

const timeRange = obj({
  hour: str(), description: str(), initialDay: str(), finalDay: str(),
  initialMonth: int(), finalMonth: int(), initialWeek: int(), finalWeek: int(),
  initialTime: str(), finalTime: str(),
});

const base = {
  keyCaseInsensitive: false,
  hasGet: false,
  updateMode: 'replace' as const,
  updateReply: 'record' as const,
  references: (): Reference[] => [],
};

export const KINDS: Readonly<Record<KindName, KindDefinition>> = {
  userGroup: {
    ...base,
    name: 'userGroup', label: 'user group', route: '/userGroup',
    fields: {
      name: required(str()), master: bool(), permissions: list(str()),
      view_by_teams: bool(), general_selected_teams: list(str()),
    },
    readOnly: COMMON_READ_ONLY,
    keyField: 'name', keyNamespace: 'userGroup',
    normalise: (record) => ({ master: false, ...record }),
    references: (r) => idsAt(r, 'general_selected_teams', 'team'),
  },
  admin: {
    ...base,
    name: 'admin', label: 'admin', route: '/admins',
    fields: {
      name: required(str()), email: required(str({ format: 'email' })), email_forgot_password: str({ format: 'email' }),
      groupId: required(str()), status: str(), enable_login_with_remote_auth: bool(), language: str(),
      password: writeOnly(str()),
    },
    readOnly: [...COMMON_READ_ONLY, 'type', 'hasAuthToken', 'session_token', 'logged_at', 'session_agent'],
    serverFields: { type: 'admin' },
    keyField: 'email', keyNamespace: 'user-email', keyCaseInsensitive: true,
    hasGet: true, updateMode: 'merge', updateReply: 'ack-php-date',
    references: (r) => idAt(r, 'groupId', 'userGroup'),
  },
  team: {
    ...base,
    name: 'team', label: 'team', route: '/campaigns',
    fields: {
      name: required(str()), can_be_disabled: bool(), history: str(),
      timer: obj({ days: int(), hours: int(), minutes: int() }),
      messageEnd: str(), messageAgent: str(), predefined: list(str()), ruleAttendance: str(),
      sequence: list(obj({ id: str(), name: str() })),
      transhipment: str(), transhipmentName: str(), tabulations: list(str()),
      permissions: teamPermissions, optin_start: bool(), tags: list(str()),
      restricted_team: toggleWith('channels'),
      restricted_team_for_transfer: toggleWith('teams'),
      contact_active_by_group: toggleWith('groups'),
      restrict_message_templates: toggleWith('groups'),
      ending_flow: obj({ enabled: bool(), flow_id: str() }),
      copilot: obj({ rest_id: json(), show_source_content: bool() }),
      validatedAgents: bool(),
      summary_attendance: aiFeature(), sentiment_analysis: aiFeature(),
      after_attendance: obj({ summary: bool(), sentiment_analysis: bool(), sentiment_analysis_score: bool(), rest_id: str() }),
      notify_pending_response: obj({ contacts: obj({ message: str(), timer: timer() }), agents: obj({ timer: timer() }) }),
      notifyWaitingPosition: obj({ initialWaitPosition: waitNotice(), updateWaitPosition: waitNotice() }),
      timer_wait: obj({ enabled: bool(), limit: int(), type: str(), redirect: str() }),
      transferSession: bool(), transferSessionToHold: list(str()), selectAgentsType: str(),
    },
    // `agents` is derived from the agents' `campaigns` [INF], so it is ignored on write.
    readOnly: [...COMMON_READ_ONLY, 'agents', 'hasOnlineAgents', 'hasOfflineAttendance'],
    keyField: 'name', keyNamespace: 'team',
    updateReply: 'ack',
    references: (r) => [
      ...idsAt(r, 'predefined', 'predefinedMessage'),
      ...idsAt(r, 'tabulations', 'tabulation'),
      ...idAt(r, 'transhipment', 'team'),
      ...idAt(r, 'timer_wait.redirect', 'team'),
      ...idsAt(r, 'restricted_team_for_transfer.teams', 'team'),
      ...idsAt(r, 'contact_active_by_group.groups', 'contactGroup'),
      ...idAt(r, 'ending_flow.flow_id', 'flow'),
    ],
  },
  agent: {
    ...base,
    name: 'agent', label: 'agent', route: '/agents',
    fields: {
      name: required(str()), email: required(str({ format: 'email' })), password: writeOnly(str()),
      codename: str(), ramal: str(), begin: str(), end: str(), campaigns: list(str()), groups: list(str()),
      photo: str(), history: str(), username_callcenter: str(), password_callcenter: writeOnly(str()),
      email_forgot_password: str({ format: 'email' }), enable_login_with_remote_auth: bool(),
      agentPermission: obj({ hideReviewStars: bool(), handleSimultaneousAttendances: bool(), simultaneousAttendancesLimit: int() }),
    },
    readOnly: [...COMMON_READ_ONLY, 'type', 'status', 'logged_at'],
    serverFields: { type: 'agent', status: 'offline' },
    keyField: 'email', keyNamespace: 'user-email', keyCaseInsensitive: true,
    hasGet: true,
    normalise: (record) => ({ ...record, campaigns: record['campaigns'] ?? [] }),
    references: (r) => idsAt(r, 'campaigns', 'team'),
  },
  tabulation: {
    ...base,
    name: 'tabulation', label: 'tabulation', route: '/tabulations',
    fields: { name: required(str()) },
    readOnly: COMMON_READ_ONLY,
    keyField: 'name', keyNamespace: 'tabulation',
  },
  predefinedMessage: {
    ...base,
    name: 'predefinedMessage', label: 'predefined message', route: '/predefined_messages',
    fields: {
      description: required(str()),
      message: required(list(obj({ type: str(), message: required(str()) }))),
    },
    readOnly: COMMON_READ_ONLY,
    keyField: 'description', keyNamespace: 'predefinedMessage',
    hasGet: true,
    // `type` is set by the server (szchat-go: observed value "text").
    normalise: (record) => ({
      ...record,
      message: (record['message'] as JsonObject[]).map((part) => ({ ...part, type: part['type'] ?? 'text' })),
    }),
  },
  timeGroup: {
    ...base,
    name: 'timeGroup', label: 'time group', route: '/timeGroup',
    fields: { name: required(str()), group: required(list(timeRange)) },
    readOnly: COMMON_READ_ONLY,
    keyField: 'name', keyNamespace: 'timeGroup',
  },
  wordFilterAgent: {
    ...base,
    name: 'wordFilterAgent', label: 'agent word filter', route: '/wordFilter/agents',
    fields: { word: required(str()) },
    readOnly: [...COMMON_READ_ONLY, 'type'],
    serverFields: { type: 'agent' },
    keyField: 'word', keyNamespace: 'wordFilterAgent', keyCaseInsensitive: true,
  },
  wordFilterContact: {
    ...base,
    name: 'wordFilterContact', label: 'contact word filter', route: '/wordFilter/contacts',
    fields: { word: required(str()) },
    readOnly: [...COMMON_READ_ONLY, 'type'],
    serverFields: { type: 'contact' },
    keyField: 'word', keyNamespace: 'wordFilterContact', keyCaseInsensitive: true,
  },
  contactGroup: {
    ...base,
    name: 'contactGroup', label: 'contact group', route: '/contacts/groups',
    fields: { nameGroup: required(str()), opt_in: json() },
    readOnly: COMMON_READ_ONLY,
    keyField: 'nameGroup', keyNamespace: 'contactGroup',
  },
  contactField: {
    ...base,
    name: 'contactField', label: 'contact field', route: '/contacts/fields',
    fields: {
      name: required(str()), description: str(), identifier: bool(), required: bool(), confidential: bool(), encrypted: bool(),
      allow_search: bool(), description_agent: bool(), validation: str(), conditional: str(), total_characters: str(),
    },
    readOnly: COMMON_READ_ONLY,
    keyField: 'name', keyNamespace: 'contactField',
  },
  blockedNumber: {
    ...base,
    name: 'blockedNumber', label: 'blocked number', route: '/blockedNumbers',
    fields: { number: required(str()) },
    readOnly: COMMON_READ_ONLY,
    keyField: 'number', keyNamespace: 'blockedNumber',
  },
  pause: {
    ...base,
    name: 'pause', label: 'pause', route: '/pauses',
    fields: {
      name: required(str()), description: str(), maxTime: int(), initialTime: int(),
      active: bool(), productive: bool(), cumulative: bool(), message: str(),
      supervisioned: bool(), continue_attendance: bool(),
    },
    readOnly: COMMON_READ_ONLY,
    keyField: 'name', keyNamespace: 'pause',
  },
  // [INF] No public evidence of a flow endpoint exists; this shape is the sandbox's own.
  flow: {
    ...base,
    name: 'flow', label: 'flow', route: '/flows',
    fields: { name: required(str()), description: str(), start: str(), blocks: map(json()) },
    readOnly: COMMON_READ_ONLY,
    keyField: 'name', keyNamespace: 'flow',
    hasGet: true,
    normalise: (record) => ({ blocks: {}, ...record }),
    check: (record, errors) => {
      const blocks = isPlainObject(record['blocks']) ? record['blocks'] : {};
      for (const [key, block] of Object.entries(blocks)) {
        if (!isPlainObject(block)) (errors[`blocks.${key}`] ??= []).push(`The blocks.${key} must be an object.`);
      }
      const start = record['start'];
      if (typeof start === 'string' && start !== '' && !(start in blocks)) {
        (errors['start'] ??= []).push('The selected start is invalid.');
      }
    },
    references: (r) => {
      const out: Reference[] = [];
      blockReferences(r['blocks'], 'blocks', out);
      return out;
    },
  },
};

export const BUILTIN_GROUP_NAME = 'Administrador';
