/**
 * Refresh: read the live tenant with one `list` per kind (the provider pages through each list),
 * all kinds at once; never a GET per object. After this the plan is pure computation.
 */
import type { Kind, LiveSnapshot, UnsupportedKind } from '../core/model/resource.js';
import type { Provider } from '../../providers/contract.js';

export async function readSnapshot(provider: Provider, kinds: readonly Kind[], unsupported: readonly UnsupportedKind[]): Promise<LiveSnapshot> {
  const skipped = new Set(unsupported.map((entry) => entry.kind));
  const lists = await Promise.all(kinds.filter((kind) => !skipped.has(kind)).map((kind) => provider.list(kind)));
  return { resources: lists.flat(), unsupported: [...unsupported] };
}
