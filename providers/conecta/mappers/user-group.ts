/**
 * Grupo de Usuários ⇄ `/userGroup` (szchat-go user_group.go): `{_id, name, master,
 * permissions[], view_by_teams, general_selected_teams[]}`.
 * - `fullPermission` ⇄ `master` (a bool here; an int in the read-only `/admins/groups`).
 * - `visibleTeams` ⇄ `general_selected_teams`: team ids [INF: the pairing with view_by_teams].
 * - `permissions`: the vendor's key strings are unknown [INF]. The model's vocabulary
 *   (`registration.agents`, …) is sent as it is; live keys outside it are reported and kept on update.
 */
import { getKindSchema, resolveSchemaNode } from '../../../cli/core/kinds/schema-walk.js';
import type { KindMapper } from './types.js';
import { readBoolean, readString, readStrings, resolveNames, specBoolean, specString, specStrings } from './wire-values.js';

function getKnownPermissions(): Set<string> {
  const items = getKindSchema('user-group').properties?.permissions?.items;
  const values = items ? resolveSchemaNode(items).enum ?? [] : [];
  return new Set(values.filter((value): value is string => typeof value === 'string'));
}

const knownPermissions = getKnownPermissions();

export const userGroupMapper: KindMapper = {
  kind: 'user-group',
  endpoints: ['/userGroup'],
  refersTo: ['team'],
  readOnlyKeys: [],
  wireKeyField: 'name',
  nameOfWire: (wire) => readString(wire, 'name') || undefined,
  endpointOf: () => '/userGroup',
  toSpec: (wire, context) => {
    const permissions = readStrings(wire, 'permissions');
    const unknown = permissions.filter((key) => !knownPermissions.has(key));
    if (unknown.length > 0) context.notice('permissions', `unknown permission keys ${unknown.map((key) => `"${key}"`).join(', ')} are kept as they are`);
    return {
      name: readString(wire, 'name'),
      fullPermission: readBoolean(wire, 'master'),
      viewByTeams: readBoolean(wire, 'view_by_teams'),
      visibleTeams: resolveNames(readStrings(wire, 'general_selected_teams'), (id) => context.nameOf('team', id),
        (id) => context.notice('visibleTeams', `team id ${id} does not exist; it is left out`)),
      permissions: permissions.filter((key) => knownPermissions.has(key)),
    };
  },
  toWire: (spec, context, previous) => {
    const kept = previous ? readStrings(previous, 'permissions').filter((key) => !knownPermissions.has(key)) : [];
    return {
      name: specString(spec, 'name'),
      master: specBoolean(spec, 'fullPermission'),
      view_by_teams: specBoolean(spec, 'viewByTeams'),
      general_selected_teams: specStrings(spec, 'visibleTeams').map((name) => context.idOf('team', name)),
      permissions: [...specStrings(spec, 'permissions'), ...kept],
    };
  },
};
