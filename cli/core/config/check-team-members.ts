import type { Diagnostic } from '../diagnostics.js';
import type { DesiredState } from '../model/resource.js';
import { createResourceDiagnostic } from './resource-diagnostic.js';

/** A team's `agentOrder` may only name agents whose `teams` contain the team. */
export function checkTeamMembers(state: DesiredState): Diagnostic[] {
  const teamsByAgent = new Map<string, unknown>();
  for (const resource of state.resources) if (resource.kind === 'agent') teamsByAgent.set(resource.key, resource.spec.teams);
  const diagnostics: Diagnostic[] = [];
  for (const team of state.resources) {
    if (team.kind !== 'team' || !Array.isArray(team.spec.agentOrder)) continue;
    team.spec.agentOrder.forEach((email, index) => {
      if (typeof email !== 'string' || !teamsByAgent.has(email.toLowerCase())) return;
      const teams = teamsByAgent.get(email.toLowerCase());
      if (Array.isArray(teams) && teams.includes(team.name)) return;
      diagnostics.push(createResourceDiagnostic(team, {
        code: 'CONFIG_AGENT_NOT_IN_TEAM',
        message: `\`${email}\` is in the agent order of ${team.name} but is not a member of it.`,
        hint: `Add \`${team.name}\` to that agent's \`teams\`, or remove the agent from \`agentOrder\`.`,
        path: ['agentOrder', index],
      }));
    });
  }
  return diagnostics;
}
