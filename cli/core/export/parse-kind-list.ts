/** `--kinds teams,agents`: YAML keys (`teams`, `userGroups`), kind names (`team`, `user-group`) or plurals (`user groups`). */
import { ConectaError } from '../errors.js';
import { kindInfos } from '../kinds/registry.js';
import type { Kind } from '../model/resource.js';

export function parseKindList(text: string): Kind[] {
  const words = text.split(',').map((word) => word.trim()).filter((word) => word !== '');
  const unknown: string[] = [];
  const kinds = new Set<Kind>();
  for (const word of words) {
    const folded = word.toLowerCase();
    const info = kindInfos.find((candidate) => [candidate.configKey, candidate.kind, candidate.plural].some((name) => name.toLowerCase() === folded));
    if (info) kinds.add(info.kind);
    else unknown.push(word);
  }
  if (unknown.length > 0 || kinds.size === 0) {
    throw new ConectaError('EXPORT_UNKNOWN_KIND', unknown.length > 0 ? `Unknown kind: ${unknown.join(', ')}.` : 'No kind given.', {
      hint: `Use a comma-separated list of ${kindInfos.map((info) => info.configKey).join(', ')}.`,
    });
  }
  // Registry order, whatever order they were given in.
  return kindInfos.map((info) => info.kind).filter((kind) => kinds.has(kind));
}
