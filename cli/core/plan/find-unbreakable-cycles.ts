/**
 * Reference cycles that no order can satisfy: every reference in the cycle must be set when
 * the object is created (none is `x-deferrable`). Cycles with a deferrable reference are fine:
 * the plan creates one side without it and sets it in a later step.
 */
import type { Diagnostic } from '../diagnostics.js';
import { compareKinds } from '../kinds/registry.js';
import { listReferences } from '../kinds/schema-walk.js';
import { formatAddress, type DesiredResource, type DesiredState } from '../model/resource.js';
import { findCycles } from '../graph.js';
import { formatIdentity, identifyReference } from './reference-index.js';
import { compareText } from '../compare-text.js';

export const REFERENCE_CYCLE_CODE = 'PLAN_REFERENCE_CYCLE';

export function findUnbreakableCycles(state: DesiredState): Diagnostic[] {
  const resources = state.resources;
  const byIdentity = new Map(resources.map((resource, index) => [formatIdentity(resource.kind, resource.key), index]));
  const successors = resources.map((resource) => {
    const targets = new Set<number>();
    for (const reference of listReferences(resource.kind, resource.spec)) {
      if (reference.isDeferrable) continue;
      const target = byIdentity.get(identifyReference(reference));
      if (target !== undefined) targets.add(target);
    }
    return [...targets];
  });
  return findCycles(resources.length, successors).map((component) => describeCycle(component.map((index) => resources[index]!)));
}

export function describeCycle(resources: readonly DesiredResource[]): Diagnostic {
  const sorted = [...resources].sort(compareResources);
  const addresses = sorted.map((resource) => formatAddress(resource.kind, resource.name));
  const first = sorted.find((resource) => resource.origin) ?? sorted[0];
  const diagnostic: Diagnostic = {
    code: REFERENCE_CYCLE_CODE,
    severity: 'error',
    message: `${addresses.join(', ')} refer to each other in a cycle that no order can create: each one must exist before the other.`,
    hint: 'Remove one of these references, or set it in a second apply once the objects exist.',
  };
  if (first?.origin) Object.assign(diagnostic, { file: first.origin.file, line: first.origin.line, column: first.origin.column });
  const related = sorted.filter((resource) => resource !== first && resource.origin).map((resource) => ({
    message: `${formatAddress(resource.kind, resource.name)} is part of the cycle`,
    file: resource.origin!.file,
    line: resource.origin!.line,
    column: resource.origin!.column,
  }));
  if (related.length > 0) diagnostic.related = related;
  return diagnostic;
}

function compareResources(a: DesiredResource, b: DesiredResource): number {
  return compareKinds(a.kind, b.kind) || compareText(a.name, b.name);
}

