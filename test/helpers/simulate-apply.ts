/**
 * Applies a plan's steps to a live snapshot in memory, in plan order, the way the tenant would:
 * a write may only refer to objects that exist, and an object may only be deleted once nothing
 * refers to it. Throws when a step breaks either rule (which would mean a wrong order).
 */
import { getKindInfo, toResourceKey } from '../../cli/core/kinds/registry.js';
import { listReferences } from '../../cli/core/kinds/schema-walk.js';
import type { LiveResource, LiveSnapshot, Spec } from '../../cli/core/model/resource.js';
import type { Plan } from '../../cli/core/plan/types.js';
import { nameOf } from './builders.js';

export function simulateApply(plan: Plan, snapshot: LiveSnapshot): LiveSnapshot {
  const live = new Map<string, LiveResource>(snapshot.resources.map((resource) => [resource.id, resource]));
  const idsByStep = new Map<string, string>();
  let counter = 0;
  const identity = (kind: string, name: string) => `${kind}.${toResourceKey(kind as LiveResource['kind'], name)}`;
  const exists = (kind: string, name: string) => [...live.values()].some((resource) => identity(resource.kind, resource.name) === identity(kind, name));
  const write = (resource: LiveResource, spec: Spec) => {
    for (const reference of listReferences(resource.kind, spec)) {
      const isSelf = identity(reference.kind, reference.name) === identity(resource.kind, resource.name);
      if (!isSelf && !exists(reference.kind, reference.name)) throw new Error(`${resource.kind}.${resource.name} refers to missing ${reference.kind}.${reference.name}`);
    }
    const clean = { ...spec };
    delete clean.initialPassword;
    const name = nameOf(resource.kind, clean);
    live.set(resource.id, { ...resource, name, key: toResourceKey(resource.kind, name), spec: clean });
  };
  for (const change of plan.changes) {
    if (change.action === 'create') {
      const id = `new-${(counter += 1)}`;
      idsByStep.set(change.id, id);
      write({ kind: change.kind, name: change.name, key: toResourceKey(change.kind, change.name), id, spec: {} }, change.after!);
    } else if (change.action === 'update') {
      const id = change.liveId ?? idsByStep.get(change.id.replace(/#references$/, ''))!;
      const current = live.get(id);
      if (!current) throw new Error(`${change.id} updates a missing object`);
      write(current, change.after!);
    } else {
      const target = live.get(change.liveId!)!;
      const referrers = [...live.values()].filter((resource) => resource !== target && listReferences(resource.kind, resource.spec).some((reference) => identity(reference.kind, reference.name) === identity(target.kind, target.name)));
      if (referrers.length > 0) throw new Error(`${change.id} is deleted while ${referrers.map((r) => `${r.kind}.${r.name}`).join(', ')} refer to it (${getKindInfo(target.kind).plural})`);
      live.delete(target.id);
    }
  }
  return { resources: [...live.values()], unsupported: snapshot.unsupported };
}
