/**
 * Layers desired states: the base first, then each overlay. An overlay object replaces the base
 * object of the same kind and key whole (fields are not merged), keeping the base's position;
 * new objects are appended. Prune settings of an overlay override the base's kind by kind. A kind
 * declared by any layer is declared.
 */
import type { DesiredResource, DesiredState, Kind } from '../model/resource.js';

export function layerStates(layers: readonly DesiredState[]): DesiredState {
  const resources: DesiredResource[] = [];
  const indexByIdentity = new Map<string, number>();
  let prune: DesiredState['prune'] = {};
  const declared = new Set<Kind>();
  let isEveryKindDeclared = false;
  for (const layer of layers) {
    if (layer.declaredKinds) for (const kind of layer.declaredKinds) declared.add(kind);
    else isEveryKindDeclared = true;
    for (const resource of layer.resources) {
      const identity = `${resource.kind}\u0000${resource.key}`;
      const index = indexByIdentity.get(identity);
      if (index === undefined) {
        indexByIdentity.set(identity, resources.length);
        resources.push(resource);
      } else {
        resources[index] = resource;
      }
    }
    prune = { ...prune, ...layer.prune };
  }
  return { resources, prune, ...(isEveryKindDeclared ? {} : { declaredKinds: [...declared] }) };
}
