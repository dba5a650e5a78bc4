import type { Diagnostic } from '../diagnostics.js';
import type { DesiredState } from '../model/resource.js';
import { createResourceDiagnostic } from './resource-diagnostic.js';

/** Warnings for settings that have no effect given another setting of the same object. */
export function checkIgnoredSettings(state: DesiredState): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const resource of state.resources) {
    const { spec } = resource;
    if (resource.kind === 'team' && isNonEmptyList(spec.agentOrder) && spec.distributionRule !== 'sequential') {
      diagnostics.push(createResourceDiagnostic(resource, { code: 'CONFIG_IGNORED_SETTING', severity: 'warning', message: '`agentOrder` is only used by the `sequential` distribution rule.', hint: 'Set `distributionRule: sequential`, or remove `agentOrder`.', path: ['agentOrder'] }));
    }
    if (resource.kind === 'user-group' && isNonEmptyList(spec.visibleTeams) && spec.viewByTeams !== true) {
      diagnostics.push(createResourceDiagnostic(resource, { code: 'CONFIG_IGNORED_SETTING', severity: 'warning', message: '`visibleTeams` is only used when `viewByTeams` is true.', hint: 'Set `viewByTeams: true`, or remove `visibleTeams`.', path: ['visibleTeams'] }));
    }
    if (resource.kind === 'user-group' && isNonEmptyList(spec.permissions) && spec.fullPermission === true) {
      diagnostics.push(createResourceDiagnostic(resource, { code: 'CONFIG_IGNORED_SETTING', severity: 'warning', message: '`permissions` is ignored because `fullPermission` is true.', hint: 'Remove `permissions`, or set `fullPermission: false`.', path: ['permissions'] }));
    }
  }
  return diagnostics;
}

function isNonEmptyList(value: unknown): boolean {
  return Array.isArray(value) && value.length > 0;
}
