import type { Diagnostic } from '../diagnostics.js';
import { BUILT_IN_USER_GROUP, getKindInfo, toResourceKey } from '../kinds/registry.js';
import { listReferences } from '../kinds/schema-walk.js';
import type { DesiredState, Kind } from '../model/resource.js';
import { createResourceDiagnostic } from './resource-diagnostic.js';
import { suggestClosest } from './suggest.js';

/** References by name that resolve to nothing, with the closest existing name suggested. */
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
  const diagnostics: Diagnostic[] = [];
  for (const resource of state.resources) {
    for (const reference of listReferences(resource.kind, resource.spec)) {
      if (reference.kind === 'user-group' && reference.name === BUILT_IN_USER_GROUP) continue;
      if (keys.get(reference.kind)?.has(toResourceKey(reference.kind, reference.name))) continue;
      const candidates = [...(names.get(reference.kind) ?? []), ...(reference.kind === 'user-group' ? [BUILT_IN_USER_GROUP] : [])];
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
      const suggestion = suggestClosest(reference.name, candidates);
      diagnostics.push(createResourceDiagnostic(resource, {
        code: 'CONFIG_UNKNOWN_REFERENCE',
        message: `\`${reference.name}\` is not one of the ${info.plural} in the config.`,
        hint: suggestion ? `Did you mean \`${suggestion}\`?` : candidates.length > 0 ? `Define it under \`${info.configKey}\`, or use one of: ${candidates.slice(0, 5).map((name) => `\`${name}\``).join(', ')}${candidates.length > 5 ? ', …' : ''}.` : `Define it under \`${info.configKey}\`.`,
        path: reference.path,
      }));
    }
  }
  return diagnostics;
}
