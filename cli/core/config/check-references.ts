/**
 * References by name. A reference to a kind the config declares must name an object of the
 * config; a reference to a kind the config does not declare at all (partial adoption, such as
 * `conecta export --kinds teams,agents`) is resolved against the tenant when the plan is made.
 */
import type { Diagnostic } from '../diagnostics.js';
import { allKinds, BUILT_IN_USER_GROUP, getKindInfo, toResourceKey } from '../kinds/registry.js';
import { listReferences, type Reference } from '../kinds/schema-walk.js';
import type { DesiredResource, DesiredState, Kind, LiveSnapshot } from '../model/resource.js';
import { createResourceDiagnostic } from './resource-diagnostic.js';
import { suggestClosest } from './suggest.js';

/** The kinds the config manages: those it declares (see `DesiredState.declaredKinds`). */
export function listDeclaredKinds(state: DesiredState): ReadonlySet<Kind> {
  if (!state.declaredKinds) return new Set(allKinds);
  return new Set([...state.declaredKinds, ...state.resources.map((resource) => resource.kind)]);
}

/**
 * References that resolve to nothing in the config, with the closest existing name suggested; and
 * one notice per undeclared kind that is referred to, saying that plan checks it in the tenant.
 */
export function checkReferences(state: DesiredState): Diagnostic[] {
  const keys = new Map<Kind, Set<string>>();
  const names = new Map<Kind, string[]>();
  /** Old identity → new name, for objects renamed with `renamedFrom`. */
  const renamed = new Map<string, string>();
  for (const resource of state.resources) {
    if (resource.renamedFrom !== undefined) renamed.set(`${resource.kind}.${toResourceKey(resource.kind, resource.renamedFrom)}`, resource.name);
    if (!keys.has(resource.kind)) {
      keys.set(resource.kind, new Set());
      names.set(resource.kind, []);
    }
    keys.get(resource.kind)?.add(resource.key);
    names.get(resource.kind)?.push(resource.name);
  }
  const declared = listDeclaredKinds(state);
  const resolvedLive = new Map<Kind, { first: { resource: DesiredResource; reference: Reference }; names: Set<string> }>();
  const diagnostics: Diagnostic[] = [];
  for (const resource of state.resources) {
    for (const reference of listReferences(resource.kind, resource.spec)) {
      if (isBuiltIn(reference)) continue;
      if (!declared.has(reference.kind)) {
        const entry = resolvedLive.get(reference.kind) ?? { first: { resource, reference }, names: new Set<string>() };
        entry.names.add(reference.name);
        resolvedLive.set(reference.kind, entry);
        continue;
      }
      if (keys.get(reference.kind)?.has(toResourceKey(reference.kind, reference.name))) continue;
      const info = getKindInfo(reference.kind);
      const newName = renamed.get(`${reference.kind}.${toResourceKey(reference.kind, reference.name)}`);
      if (newName !== undefined) {
        diagnostics.push(createResourceDiagnostic(resource, {
          code: 'CONFIG_UNKNOWN_REFERENCE',
          message: `\`${reference.name}\` is being renamed to \`${newName}\` (renamedFrom).`,
          hint: `Refer to it by its new name, \`${newName}\`: references follow the rename in the tenant.`,
          path: reference.path,
        }));
        continue;
      }
      const candidates = [...(names.get(reference.kind) ?? []), ...(reference.kind === 'user-group' ? [BUILT_IN_USER_GROUP] : [])];
      const suggestion = suggestClosest(reference.name, candidates);
      diagnostics.push(createResourceDiagnostic(resource, {
        code: 'CONFIG_UNKNOWN_REFERENCE',
        message: `\`${reference.name}\` is not one of the ${info.plural} in the config.`,
        hint: suggestion ? `Did you mean \`${suggestion}\`?` : candidates.length > 0 ? `Define it under \`${info.configKey}\`, or use one of: ${candidates.slice(0, 5).map((name) => `\`${name}\``).join(', ')}${candidates.length > 5 ? ', …' : ''}.` : `Define it under \`${info.configKey}\`.`,
        path: reference.path,
      }));
    }
  }
  for (const kind of allKinds) {
    const entry = resolvedLive.get(kind);
    if (!entry) continue;
    const info = getKindInfo(kind);
    const shown = [...entry.names].slice(0, 3).map((name) => `\`${name}\``).join(', ');
    diagnostics.push(createResourceDiagnostic(entry.first.resource, {
      code: 'CONFIG_LIVE_REFERENCE',
      severity: 'notice',
      message: `The config refers to ${entry.names.size} ${entry.names.size === 1 ? singular(kind) : info.plural} (${shown}${entry.names.size > 3 ? ', …' : ''}) and declares no \`${info.configKey}\`: plan checks them in the tenant.`,
      hint: `Nothing to do if they exist in the tenant. To manage ${info.plural} as code, add them under \`${info.configKey}\` (\`conecta export --kinds ${info.configKey}\`).`,
      path: entry.first.reference.path,
    }));
  }
  return diagnostics;
}

/**
 * At plan time: references to kinds the config does not declare must name a live object. Each
 * one that does not is an error at the value, with the closest live name suggested.
 */
export function checkLiveReferences(state: DesiredState, snapshot: LiveSnapshot): Diagnostic[] {
  const declared = listDeclaredKinds(state);
  if (declared.size === allKinds.length) return [];
  const liveKeys = new Map<Kind, Set<string>>();
  const liveNames = new Map<Kind, string[]>();
  for (const resource of snapshot.resources) {
    if (declared.has(resource.kind)) continue;
    if (!liveKeys.has(resource.kind)) {
      liveKeys.set(resource.kind, new Set());
      liveNames.set(resource.kind, []);
    }
    liveKeys.get(resource.kind)?.add(resource.key);
    liveNames.get(resource.kind)?.push(resource.name);
  }
  const unsupported = new Map(snapshot.unsupported.map((entry) => [entry.kind, entry.reason]));
  const diagnostics: Diagnostic[] = [];
  for (const resource of state.resources) {
    for (const reference of listReferences(resource.kind, resource.spec)) {
      if (declared.has(reference.kind) || isBuiltIn(reference)) continue;
      if (liveKeys.get(reference.kind)?.has(toResourceKey(reference.kind, reference.name))) continue;
      const info = getKindInfo(reference.kind);
      const reason = unsupported.get(reference.kind);
      const suggestion = suggestClosest(reference.name, liveNames.get(reference.kind) ?? []);
      diagnostics.push(createResourceDiagnostic(resource, {
        code: 'PLAN_UNKNOWN_REFERENCE',
        message: reason === undefined
          ? `\`${reference.name}\` is not one of the ${info.plural} in the tenant (the config declares no \`${info.configKey}\`, so the tenant's are used).`
          : `\`${reference.name}\` cannot be resolved: ${reason}.`,
        hint: suggestion ? `Did you mean \`${suggestion}\`?` : `Create it in the tenant, or declare it under \`${info.configKey}\` in the config.`,
        path: reference.path,
      }));
    }
  }
  return diagnostics;
}

function isBuiltIn(reference: Reference): boolean {
  return reference.kind === 'user-group' && reference.name === BUILT_IN_USER_GROUP;
}

function singular(kind: Kind): string {
  return kind.replace(/-/g, ' ');
}
