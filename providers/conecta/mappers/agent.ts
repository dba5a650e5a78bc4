/**
 * Agentes ⇄ `/agents` (szchat-go agent.go: Agent read, AgentRequest written).
 * - `teams` ⇄ `campaigns` (team ids). This is the one place team membership is written.
 * - `extension` ⇄ `ramal`; `codename` ⇄ `codename`.
 * - `loginHours {from, to}` ⇄ `begin` / `end` ("HH:MM" [INF]); both empty = no restriction.
 * - `recoveryEmail` ⇄ `email_forgot_password`, left out of the model when equal to the login.
 * - `conversationHistory` ⇄ `history`; `inherit` is an empty string [INF].
 * - `maxSimultaneousChats` ⇄ `agentPermission {handleSimultaneousAttendances,
 *   simultaneousAttendancesLimit}` [INF: the flag turns the limit on; off = no limit = 0].
 * - `hideRatingStars` ⇄ `agentPermission.hideReviewStars`.
 * - `remoteAuth` ⇄ `enable_login_with_remote_auth`.
 * - `initialPassword` → `password` on create only, never read back.
 * Not managed, kept on update: `groups` (contact groups), `photo`, `username_callcenter`.
 * Lookup by natural key: `GET /agents/email/{email}`.
 */
import { conversationHistoryMap } from './enum-map.js';
import type { KindMapper, WireObject } from './types.js';
import { readBoolean, readInteger, readObject, readString, readStrings, resolveNames, specBoolean, specString, specStrings } from './wire-values.js';

export const agentMapper: KindMapper = {
  kind: 'agent',
  endpoints: ['/agents'],
  refersTo: ['team'],
  readOnlyKeys: ['type', 'status', 'logged_at', 'password_callcenter'],
  wireKeyField: 'email',
  nameOfWire: (wire) => readString(wire, 'email') || undefined,
  endpointOf: () => '/agents',
  keyLookupPath: (email) => `/agents/email/${encodeURIComponent(email)}`,
  toSpec: (wire, context) => {
    const email = readString(wire, 'email');
    const recovery = readString(wire, 'email_forgot_password');
    const history = readString(wire, 'history');
    const conversationHistory = history === '' ? 'inherit' : conversationHistoryMap.toModel(history);
    if (conversationHistory === undefined) context.notice('conversationHistory', `conversation history "${history}" is unknown to this tool`);
    const permission = readObject(wire, 'agentPermission');
    const begin = readString(wire, 'begin');
    const end = readString(wire, 'end');
    return {
      email,
      name: readString(wire, 'name'),
      ...(recovery !== '' && recovery.toLowerCase() !== email.toLowerCase() ? { recoveryEmail: recovery } : {}),
      codename: readString(wire, 'codename'),
      extension: readString(wire, 'ramal'),
      teams: resolveNames(readStrings(wire, 'campaigns'), (id) => context.nameOf('team', id),
        (id) => context.notice('teams', `team id ${id} does not exist; it is left out`)),
      ...(begin !== '' || end !== '' ? { loginHours: { from: begin, to: end } } : {}),
      ...(conversationHistory === undefined ? {} : { conversationHistory }),
      maxSimultaneousChats: readBoolean(permission, 'handleSimultaneousAttendances') ? readInteger(permission, 'simultaneousAttendancesLimit') : 0,
      hideRatingStars: readBoolean(permission, 'hideReviewStars'),
      remoteAuth: readBoolean(wire, 'enable_login_with_remote_auth'),
    };
  },
  toWire: (spec, context, previous) => {
    const email = specString(spec, 'email');
    const loginHours = spec.loginHours !== null && typeof spec.loginHours === 'object' && !Array.isArray(spec.loginHours) ? spec.loginHours : undefined;
    const limit = typeof spec.maxSimultaneousChats === 'number' ? spec.maxSimultaneousChats : 0;
    const history = specString(spec, 'conversationHistory') || 'inherit';
    const body: WireObject = {
      name: specString(spec, 'name'),
      email,
      email_forgot_password: specString(spec, 'recoveryEmail') || email,
      codename: specString(spec, 'codename'),
      ramal: specString(spec, 'extension'),
      campaigns: specStrings(spec, 'teams').map((name) => context.idOf('team', name)),
      begin: loginHours ? String(loginHours.from ?? '') : '',
      end: loginHours ? String(loginHours.to ?? '') : '',
      history: history === 'inherit' ? '' : conversationHistoryMap.toWire(history),
      agentPermission: {
        ...(previous ? readObject(previous, 'agentPermission') : {}),
        handleSimultaneousAttendances: limit > 0,
        simultaneousAttendancesLimit: limit,
        hideReviewStars: specBoolean(spec, 'hideRatingStars'),
      },
      enable_login_with_remote_auth: specBoolean(spec, 'remoteAuth'),
    };
    if (previous === undefined && specString(spec, 'initialPassword') !== '') body.password = specString(spec, 'initialPassword');
    return body;
  },
};
