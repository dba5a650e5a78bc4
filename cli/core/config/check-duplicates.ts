import type { Diagnostic } from '../diagnostics.js';
import { getKindInfo } from '../kinds/registry.js';
import type { DesiredResource, DesiredState } from '../model/resource.js';
import { createResourceDiagnostic } from './resource-diagnostic.js';

/** The same name twice within a kind, in one file or across files; both places are shown. */
export function checkDuplicateNames(state: DesiredState): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const firsts = new Map<string, DesiredResource>();
  for (const resource of state.resources) {
    const identity = `${resource.kind}\u0000${resource.key}`;
    const first = firsts.get(identity);
    if (!first) {
      firsts.set(identity, resource);
      continue;
    }
    const info = getKindInfo(resource.kind);
    const what = resource.kind === 'word-filter' ? `The word \`${resource.spec.word as string}\`` : `The ${info.kind.replace('-', ' ')} \`${resource.name}\``;
    const label = info.keyField === 'email' ? 'e-mail' : info.keyField === 'number' ? 'number' : 'name';
    // Keys normalised from what was written (a blocked number's `+55 (11) …`): both spellings are shown.
    const [writtenFirst, writtenSecond] = [first, resource].map((entry) => (info.keyField ? entry.spec[info.keyField] : undefined));
    const spellings = typeof writtenFirst === 'string' && typeof writtenSecond === 'string' && (writtenFirst !== first.name || writtenSecond !== resource.name) ? ` (written \`${writtenFirst}\` and \`${writtenSecond}\`)` : '';
    diagnostics.push(createResourceDiagnostic(resource, {
      code: 'CONFIG_DUPLICATE_NAME',
      message: `${what} is defined twice${resource.kind === 'word-filter' ? ' in the same list' : ''}${spellings || (first.key !== first.name || resource.name !== first.name ? ` (the ${label} ignores case)` : '')}.`,
      hint: `Each of the ${info.plural} needs a unique ${label}: remove one definition or ${label === 'number' ? 'change its number' : 'rename it'}.`,
      path: info.keyField ? [info.keyField] : [],
      related: first.origin ? [{ message: 'first defined here', file: first.origin.file, line: first.origin.line, column: first.origin.column }] : undefined,
    }));
  }
  return diagnostics;
}
