/**
 * Never lock yourself out: the account conecta is signed in as (`GET /auth/me`) and the user group
 * that gives it its rights are never deleted, disabled, moved to a group without full permission
 * or stripped of full permission by a plan, even with --prune. The plan keeps the live value and
 * says so in a warning.
 */
import { BUILT_IN_USER_GROUP, toResourceKey } from '../kinds/registry.js';
import { formatAddress, type Spec } from '../model/resource.js';
import type { DesiredEntry, LiveEntry } from './entries.js';
import { formatIdentity } from './reference-index.js';

/** Who the provider is signed in as. */
export interface SignedInAccount {
  email: string;
  /** The name of its user group, when the tenant says (`groupId` of `/auth/me`). */
  userGroup?: string;
}

export interface AccountProtection {
  /** Why a live object may not be deleted, by live identity; undefined when it may. */
  explainKept(entry: LiveEntry): string | undefined;
  /** The spec to write for `live`: `after` with the fields that would lock the account out kept at their live values. */
  protect(live: LiveEntry, before: Spec, after: Spec, warnings: string[]): Spec;
}

export function protectAccount(account: SignedInAccount | undefined, liveByIdentity: ReadonlyMap<string, LiveEntry>, desiredByIdentity: ReadonlyMap<string, DesiredEntry>): AccountProtection {
  if (!account || account.email === '') return { explainKept: () => undefined, protect: (_live, _before, after) => after };
  const adminIdentity = formatIdentity('administrator', toResourceKey('administrator', account.email));
  const admin = liveByIdentity.get(adminIdentity);
  const groupName = typeof admin?.spec.userGroup === 'string' ? admin.spec.userGroup : account.userGroup;
  const groupIdentity = groupName === undefined ? undefined : formatIdentity('user-group', toResourceKey('user-group', groupName));
  const adminAddress = formatAddress('administrator', admin?.resource.name ?? account.email);
  const hasFullPermission = (name: string): boolean => {
    if (name === BUILT_IN_USER_GROUP) return true;
    const identity = formatIdentity('user-group', toResourceKey('user-group', name));
    const spec = desiredByIdentity.get(identity)?.spec ?? liveByIdentity.get(identity)?.spec;
    return spec?.fullPermission === true;
  };
  return {
    explainKept: (entry) => {
      if (entry.identity === adminIdentity) return `it is the account conecta is signed in as (protected)`;
      if (entry.identity === groupIdentity) return `it gives the account conecta is signed in as (${account.email}) its rights (protected)`;
      return undefined;
    },
    protect: (live, before, after, warnings) => {
      if (live.identity === adminIdentity) {
        const kept = { ...after };
        if (after.disabled === true && before.disabled !== true) {
          kept.disabled = false;
          warnings.push(`${adminAddress} is the account conecta is signed in as: it is kept enabled although the config disables it (protected). Sign in as another administrator to disable it.`);
        }
        if (typeof after.userGroup === 'string' && after.userGroup !== before.userGroup && !hasFullPermission(after.userGroup) && before.userGroup !== undefined) {
          kept.userGroup = before.userGroup;
          warnings.push(`${adminAddress} is the account conecta is signed in as: it is kept in user group ${String(before.userGroup)}, because ${after.userGroup} has no full permission (protected).`);
        }
        return kept;
      }
      if (live.identity === groupIdentity && before.fullPermission === true && after.fullPermission !== true) {
        warnings.push(`${formatAddress('user-group', live.resource.name)} gives the account conecta is signed in as (${account.email}) its rights: it keeps full permission although the config turns it off (protected).`);
        return { ...after, fullPermission: true };
      }
      return after;
    },
  };
}
