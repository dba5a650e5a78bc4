/**
 * Equipes ⇄ `/campaigns` (szchat-go team.go, struct Team). PUT answers `{success, date}`.
 * - `sessionTimeout` ⇄ `timer {days, hours, minutes}` (ints); the wire has no seconds.
 * - `distributionRule` ⇄ `ruleAttendance`: only "sequential" is seen (szchat-go README); the
 *   other strings are inferred [INF]: all → "all", leastBusy → "least_attendances",
 *   contactGroup → "contact_group" (model names accepted as aliases on read).
 * - `agentOrder` ⇄ `sequence [{id, name}]`: agent ids and names, in order.
 * - `closingMessage` ⇄ `messageEnd`; `noAgentMessage` ⇄ `messageAgent` [INF: the pairing].
 * - `conversationHistory` ⇄ `history` (see enum-map.ts).
 * - `overflowTeam` ⇄ `transhipment` (team id) + `transhipmentName` (its name, denormalised).
 * - `waitTimeout {after, redirectTo}` ⇄ `timer_wait {enabled, limit, type, redirect}`; [INF]
 *   `type` is the unit of `limit`: written "minutes" (or "seconds" when `after` is not whole
 *   minutes); "seconds", "minutes", "hours", "days" are read.
 * - `transferTeams` ⇄ `restricted_team_for_transfer {enabled, teams}` (team ids); empty = off.
 * - `contactActiveByGroup` ⇄ `contact_active_by_group {enabled, groups}` (contact group ids); empty = off.
 * - `tabulations` ⇄ `tabulations`, `predefinedMessages` ⇄ `predefined` (ids).
 * - `endingFlow` ⇄ `ending_flow {enabled, flow_id}`.
 * - `permissions.*` ⇄ `permissions.{contact_edit, finish_attendance, show_number,
 *   offline_attendance, agent_chat, campaigns_chat, send_emojis, show_preview_messages,
 *   auto_attendance, hideContactOnHold, hideContactOnAgentScreen, voice_record_enabled}`;
 *   every flag is `omitempty` in Go, so an absent flag reads as false. `optin_gupshup` is not managed.
 * - `agents`: membership is written on the agents (`campaigns`), never here [INF: the server
 *   derives a team's `agents` from its agents' `campaigns`]; it is dropped from request bodies.
 * Unmanaged fields (tags, copilot, notify_pending_response, …) are kept as they are on update.
 */
import { ConectaError } from '../../../cli/core/errors.js';
import { getDefinition } from '../../../cli/core/kinds/schema-walk.js';
import type { JsonValue, Kind, Spec } from '../../../cli/core/model/resource.js';
import { formatDuration, parseDurationSeconds } from './duration.js';
import { conversationHistoryMap, createEnumMap } from './enum-map.js';
import type { KindMapper, ReadContext, WireObject } from './types.js';
import { readBoolean, readInteger, readObject, readString, readStrings, resolveNames, specString, specStrings } from './wire-values.js';

export const distributionRuleMap = createEnumMap(
  { all: 'all', leastBusy: 'least_attendances', sequential: 'sequential', contactGroup: 'contact_group' },
  { leastBusy: 'leastBusy', contactGroup: 'contactGroup' },
);

/** Model permission name ⇄ wire flag. */
export const TEAM_PERMISSION_FLAGS: Readonly<Record<string, string>> = {
  editContact: 'contact_edit',
  finishAttendance: 'finish_attendance',
  showNumber: 'show_number',
  offlineAttendance: 'offline_attendance',
  agentChat: 'agent_chat',
  teamChat: 'campaigns_chat',
  sendEmojis: 'send_emojis',
  showMessagePreview: 'show_preview_messages',
  autoAttendance: 'auto_attendance',
  hideContactOnHold: 'hideContactOnHold',
  hideContactOnAgentScreen: 'hideContactOnAgentScreen',
  voiceRecording: 'voice_record_enabled',
};

/** The schema's defaults for team permissions, used when the spec has no `permissions` object. */
const permissionDefaults = Object.fromEntries(Object.entries(getDefinition('TeamPermissions').properties ?? {}).map(([name, node]) => [name, node.default === true]));

const WAIT_UNITS: Record<string, number> = { seconds: 1, second: 1, minutes: 60, minute: 60, hours: 3600, hour: 3600, days: 86_400, day: 86_400 };

function names(context: ReadContext, field: string, kind: Kind, ids: string[]): string[] {
  return resolveNames(ids, (id) => context.nameOf(kind, id), (id) => context.notice(field, `${kind} id ${id} does not exist; it is left out`));
}

function readSessionTimeout(wire: WireObject): string {
  const timer = readObject(wire, 'timer');
  const minutes = readInteger(timer, 'days') * 1440 + readInteger(timer, 'hours') * 60 + readInteger(timer, 'minutes');
  return formatDuration(minutes * 60, 'm');
}

function writeSessionTimeout(text: string): WireObject {
  const seconds = parseDurationSeconds(text || '0m');
  if (seconds % 60 !== 0) {
    throw new ConectaError('PROVIDER_UNMAPPABLE', `sessionTimeout "${text}" has seconds, but Conecta counts session time in minutes`, { hint: 'Write the session timeout in whole minutes, such as 30m or 1h30m.' });
  }
  const minutes = seconds / 60;
  return { days: Math.floor(minutes / 1440), hours: Math.floor((minutes % 1440) / 60), minutes: minutes % 60 };
}

function readWaitTimeout(wire: WireObject, context: ReadContext): Spec | undefined {
  const wait = readObject(wire, 'timer_wait');
  if (!readBoolean(wait, 'enabled')) return undefined;
  const type = readString(wait, 'type') || 'minutes';
  const unit = WAIT_UNITS[type.toLowerCase()];
  if (unit === undefined) context.notice('waitTimeout', `wait-time unit "${type}" is unknown; read as minutes`);
  const redirectTo = context.nameOf('team', readString(wait, 'redirect'));
  if (redirectTo === undefined) {
    context.notice('waitTimeout', `the wait time redirects to team id "${readString(wait, 'redirect')}", which does not exist`);
    return undefined;
  }
  return { after: formatDuration(readInteger(wait, 'limit') * (unit ?? 60), 's'), redirectTo };
}

function writeWaitTimeout(value: JsonValue | undefined, idOfTeam: (name: string) => string): WireObject {
  if (value === undefined || value === null || typeof value !== 'object' || Array.isArray(value)) return { enabled: false };
  const seconds = parseDurationSeconds(String(value.after));
  const isWholeMinutes = seconds % 60 === 0;
  return {
    enabled: true,
    limit: isWholeMinutes ? seconds / 60 : seconds,
    type: isWholeMinutes ? 'minutes' : 'seconds',
    redirect: idOfTeam(String(value.redirectTo)),
  };
}

export const teamMapper: KindMapper = {
  kind: 'team',
  endpoints: ['/campaigns'],
  refersTo: ['team', 'agent', 'tabulation', 'predefined-message', 'flow', 'contact-group'],
  readOnlyKeys: ['agents', 'hasOnlineAgents', 'hasOfflineAttendance'],
  wireKeyField: 'name',
  nameOfWire: (wire) => readString(wire, 'name') || undefined,
  endpointOf: () => '/campaigns',
  keyFilter: (name) => ({ name }),
  toSpec: (wire, context) => {
    const spec: Spec = { name: readString(wire, 'name'), sessionTimeout: readSessionTimeout(wire) };
    const rule = readString(wire, 'ruleAttendance');
    const distributionRule = rule === '' ? 'all' : distributionRuleMap.toModel(rule);
    if (distributionRule === undefined) context.notice('distributionRule', `distribution rule "${rule}" is unknown to this tool`);
    else spec.distributionRule = distributionRule;
    const sequence = Array.isArray(wire.sequence) ? (wire.sequence as WireObject[]) : [];
    spec.agentOrder = names(context, 'agentOrder', 'agent', sequence.map((entry) => readString(entry ?? {}, 'id')));
    spec.closingMessage = readString(wire, 'messageEnd');
    spec.noAgentMessage = readString(wire, 'messageAgent');
    const history = readString(wire, 'history');
    const conversationHistory = history === '' ? 'none' : conversationHistoryMap.toModel(history);
    if (conversationHistory === undefined || conversationHistory === 'inherit') context.notice('conversationHistory', `conversation history "${history}" is unknown to this tool`);
    else spec.conversationHistory = conversationHistory;
    const overflow = readString(wire, 'transhipment');
    if (overflow !== '') {
      const overflowTeam = context.nameOf('team', overflow);
      if (overflowTeam === undefined) context.notice('overflowTeam', `overflow team id "${overflow}" does not exist`);
      else spec.overflowTeam = overflowTeam;
    }
    const waitTimeout = readWaitTimeout(wire, context);
    if (waitTimeout) spec.waitTimeout = waitTimeout;
    const transfer = readObject(wire, 'restricted_team_for_transfer');
    spec.transferTeams = readBoolean(transfer, 'enabled') ? names(context, 'transferTeams', 'team', readStrings(transfer, 'teams')) : [];
    const activeByGroup = readObject(wire, 'contact_active_by_group');
    spec.contactActiveByGroup = readBoolean(activeByGroup, 'enabled') ? names(context, 'contactActiveByGroup', 'contact-group', readStrings(activeByGroup, 'groups')) : [];
    spec.tabulations = names(context, 'tabulations', 'tabulation', readStrings(wire, 'tabulations'));
    spec.predefinedMessages = names(context, 'predefinedMessages', 'predefined-message', readStrings(wire, 'predefined'));
    const ending = readObject(wire, 'ending_flow');
    const flowId = readString(ending, 'flow_id');
    if (readBoolean(ending, 'enabled') && flowId !== '') {
      const endingFlow = context.nameOf('flow', flowId);
      if (endingFlow === undefined) context.notice('endingFlow', `ending flow id "${flowId}" is not among the flows this tool can read`);
      else spec.endingFlow = endingFlow;
    }
    const permissions = readObject(wire, 'permissions');
    spec.permissions = Object.fromEntries(Object.entries(TEAM_PERMISSION_FLAGS).map(([model, flag]) => [model, readBoolean(permissions, flag)]));
    return spec;
  },
  toWire: (spec, context, previous) => {
    const idOfTeam = (name: string): string => context.idOf('team', name);
    const agentOrder = specStrings(spec, 'agentOrder');
    const overflowTeam = specString(spec, 'overflowTeam');
    const transferTeams = specStrings(spec, 'transferTeams');
    const contactGroups = specStrings(spec, 'contactActiveByGroup');
    const endingFlow = specString(spec, 'endingFlow');
    const modelPermissions = spec.permissions !== null && typeof spec.permissions === 'object' && !Array.isArray(spec.permissions) ? spec.permissions : {};
    const previousPermissions = previous ? readObject(previous, 'permissions') : {};
    return {
      name: specString(spec, 'name'),
      timer: writeSessionTimeout(specString(spec, 'sessionTimeout')),
      ruleAttendance: distributionRuleMap.toWire(specString(spec, 'distributionRule') || 'all'),
      sequence: agentOrder.map((email) => {
        const id = context.idOf('agent', email);
        const agentName = context.wireOf('agent', id)?.name;
        return { id, name: typeof agentName === 'string' ? agentName : email };
      }),
      messageEnd: specString(spec, 'closingMessage'),
      messageAgent: specString(spec, 'noAgentMessage'),
      history: conversationHistoryMap.toWire(specString(spec, 'conversationHistory') || 'none'),
      transhipment: overflowTeam === '' ? '' : idOfTeam(overflowTeam),
      transhipmentName: overflowTeam,
      timer_wait: writeWaitTimeout(spec.waitTimeout, idOfTeam),
      restricted_team_for_transfer: { enabled: transferTeams.length > 0, teams: transferTeams.map(idOfTeam) },
      contact_active_by_group: { enabled: contactGroups.length > 0, groups: contactGroups.map((name) => context.idOf('contact-group', name)) },
      tabulations: specStrings(spec, 'tabulations').map((name) => context.idOf('tabulation', name)),
      predefined: specStrings(spec, 'predefinedMessages').map((name) => context.idOf('predefined-message', name)),
      ending_flow: endingFlow === '' ? { enabled: false } : { enabled: true, flow_id: context.idOf('flow', endingFlow) },
      permissions: {
        ...previousPermissions,
        ...Object.fromEntries(Object.entries(TEAM_PERMISSION_FLAGS).map(([model, flag]) => [flag, (modelPermissions[model] ?? permissionDefaults[model]) === true])),
      },
    };
  },
};
