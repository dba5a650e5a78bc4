/**
 * The semantic checks of a desired state, after the schema check: duplicate names, references,
 * team membership, schedules, logins (conflicts, recovery e-mails), settings without effect, flow
 * graphs and reference cycles that no deferred update can break. Pure; every diagnostic carries
 * the file and JSON pointer of the value, which the loader turns into a line, a column and a code
 * frame.
 */
import type { Diagnostic } from '../diagnostics.js';
import type { DesiredState } from '../model/resource.js';
import { checkDuplicateNames } from './check-duplicates.js';
import { checkIgnoredSettings } from './check-ignored-settings.js';
import { checkLogins } from './check-logins.js';
import { checkReferences } from './check-references.js';
import { checkSchedules } from './check-schedules.js';
import { checkTeamMembers } from './check-team-members.js';
import { checkFlowGraph } from '../flows/check-flow.js';
import { findUnbreakableCycles } from '../plan/find-unbreakable-cycles.js';

export function validateDesiredState(state: DesiredState): Diagnostic[] {
  return [
    ...checkDuplicateNames(state),
    ...checkReferences(state),
    ...checkTeamMembers(state),
    ...checkSchedules(state),
    ...checkLogins(state),
    ...checkIgnoredSettings(state),
    ...state.resources.filter((resource) => resource.kind === 'flow').flatMap((flow) => checkFlowGraph(flow)),
    ...findUnbreakableCycles(state),
  ];
}
