import type { Diagnostic } from '../diagnostics.js';
import type { DesiredState } from '../model/resource.js';
import { createResourceDiagnostic } from './resource-diagnostic.js';

/** Administrators and agents log in to the same tenant: one e-mail cannot be both. */
export function checkLoginConflicts(state: DesiredState): Diagnostic[] {
  const agents = new Map(state.resources.filter((resource) => resource.kind === 'agent').map((agent) => [agent.key, agent]));
  const diagnostics: Diagnostic[] = [];
  for (const administrator of state.resources) {
    if (administrator.kind !== 'administrator') continue;
    const agent = agents.get(administrator.key);
    if (!agent) continue;
    diagnostics.push(createResourceDiagnostic(administrator, {
      code: 'CONFIG_LOGIN_CONFLICT',
      message: `\`${administrator.name}\` is the login of an administrator and of an agent.`,
      hint: 'Conecta logins are unique across administrators and agents: give one of them another e-mail.',
      path: ['email'],
      related: agent.origin ? [{ message: 'the agent with the same login', file: agent.origin.file, line: agent.origin.line, column: agent.origin.column }] : undefined,
    }));
  }
  return diagnostics;
}
