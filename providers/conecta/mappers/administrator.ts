/**
 * Administradores ⇄ `/admins` (szchat-go admin.go): `{_id, type, name, email,
 * email_forgot_password, groupId, language, status, enable_login_with_remote_auth, hasAuthToken, …}`.
 * `PUT /admins/{id}` is a partial update (a field map) answering `{success, date}`.
 * - `userGroup` ⇄ `groupId` (a user-group id).
 * - `recoveryEmail` ⇄ `email_forgot_password`; [INF] "use the login as recovery" means the two
 *   are equal, so the model leaves `recoveryEmail` out when they are (or when it is empty).
 * - `disabled` ⇄ `status: "disabled"` [INF: `status` is seen but its values are not; other
 *   values (online/offline presence) read as enabled, and `status` is only written to change it].
 * - `initialPassword` → `password` on create only (AdminRequest.Password), never read back.
 * - `language` and `status` are fields of Admin but not of AdminRequest (SEEN): the create leaves
 *   them out and the provider sends them in the partial update that follows, when the new admin
 *   does not already hold the config's value [INF: that the update accepts them].
 */
import type { KindMapper, WireObject } from './types.js';
import { readBoolean, readString, specBoolean, specString } from './wire-values.js';

const DISABLED_STATUS = 'disabled';
const ENABLED_STATUS = 'active';
const LANGUAGES = new Set(['pt-BR', 'en', 'es']);

export const administratorMapper: KindMapper = {
  kind: 'administrator',
  endpoints: ['/admins'],
  refersTo: ['user-group'],
  readOnlyKeys: ['type', 'hasAuthToken', 'session_token', 'logged_at', 'session_agent'],
  isPartialUpdate: true,
  updateOnlyKeys: ['language', 'status'],
  updateOnlyFields: ['language', 'disabled'],
  wireKeyField: 'email',
  nameOfWire: (wire) => readString(wire, 'email') || undefined,
  endpointOf: () => '/admins',
  toSpec: (wire, context) => {
    const email = readString(wire, 'email');
    const groupId = readString(wire, 'groupId');
    const userGroup = context.nameOf('user-group', groupId);
    if (userGroup === undefined) context.notice('userGroup', `user group id "${groupId}" does not exist`);
    const recovery = readString(wire, 'email_forgot_password');
    const language = readString(wire, 'language') || 'pt-BR';
    if (!LANGUAGES.has(language)) context.notice('language', `language "${language}" is not one of pt-BR, en, es; it is shown as pt-BR`);
    return {
      email,
      name: readString(wire, 'name'),
      userGroup: userGroup ?? '',
      ...(recovery !== '' && recovery.toLowerCase() !== email.toLowerCase() ? { recoveryEmail: recovery } : {}),
      disabled: readString(wire, 'status') === DISABLED_STATUS,
      remoteAuth: readBoolean(wire, 'enable_login_with_remote_auth'),
      language: LANGUAGES.has(language) ? language : 'pt-BR',
    };
  },
  toWire: (spec, context, previous) => {
    const email = specString(spec, 'email');
    const body: WireObject = {
      name: specString(spec, 'name'),
      email,
      email_forgot_password: specString(spec, 'recoveryEmail') || email,
      groupId: context.idOf('user-group', specString(spec, 'userGroup')),
      enable_login_with_remote_auth: specBoolean(spec, 'remoteAuth'),
      language: specString(spec, 'language') || 'pt-BR',
    };
    const wasDisabled = previous !== undefined && readString(previous, 'status') === DISABLED_STATUS;
    if (specBoolean(spec, 'disabled')) body.status = DISABLED_STATUS;
    else if (wasDisabled) body.status = ENABLED_STATUS;
    if (previous === undefined && specString(spec, 'initialPassword') !== '') body.password = specString(spec, 'initialPassword');
    return body;
  },
};
