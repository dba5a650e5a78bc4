import type { Diagnostic } from '../diagnostics.js';
import type { DesiredState } from '../model/resource.js';
import { createResourceDiagnostic } from './resource-diagnostic.js';

/**
 * Administrators and agents log in to the same tenant: one e-mail cannot be both. A recovery
 * e-mail equal to the login is how Conecta says "use the login as recovery", which the model
 * writes by leaving `recoveryEmail` out: written out, it would never plan "No changes.".
 */
export function checkLogins(state: DesiredState): Diagnostic[] {
  return [...checkLoginConflicts(state), ...checkRecoveryEmails(state)];
}

function checkRecoveryEmails(state: DesiredState): Diagnostic[] {
  return state.resources
    .filter((resource) => (resource.kind === 'agent' || resource.kind === 'administrator') && typeof resource.spec.recoveryEmail === 'string' && resource.spec.recoveryEmail.toLowerCase() === resource.key)
    .map((resource) => createResourceDiagnostic(resource, {
      code: 'CONFIG_RECOVERY_IS_LOGIN',
      message: `The recovery e-mail of \`${resource.name}\` is its login; Conecta reads that back as "use the login as recovery", with no recovery e-mail of its own.`,
      hint: 'Leave `recoveryEmail` out: the login e-mail is then used for recovery.',
      path: ['recoveryEmail'],
    }));
}

function checkLoginConflicts(state: DesiredState): Diagnostic[] {
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
