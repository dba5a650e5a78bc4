import type { Diagnostic } from '../diagnostics.js';

export const SUPPORTED_VERSIONS: readonly number[] = [1];

/** Every file starts with `version: 1`; anything else is refused before the schema check. */
export function checkVersion(file: string, document: unknown, position?: [number, number]): Diagnostic | undefined {
  const supported = SUPPORTED_VERSIONS.map((version) => `\`${version}\``).join(', ');
  const [line, column] = position ?? [1, 1];
  if (document === null || document === undefined) {
    return { code: 'CONFIG_VERSION_MISSING', severity: 'error', message: 'The file is empty.', hint: 'Start the file with `version: 1`, or remove it.', file, line, column, pointer: '' };
  }
  if (typeof document !== 'object' || Array.isArray(document)) {
    return { code: 'CONFIG_NOT_A_MAP', severity: 'error', message: 'A config file must be a map of kinds (`version`, `teams`, `agents`, …).', hint: 'Start the file with `version: 1` followed by keys such as `teams:`.', file, line, column, pointer: '' };
  }
  if (!Object.hasOwn(document, 'version')) {
    return { code: 'CONFIG_VERSION_MISSING', severity: 'error', message: 'The file has no `version`.', hint: 'Add `version: 1` as the first line.', file, line, column, pointer: '' };
  }
  const version = (document as { version: unknown }).version;
  if (typeof version === 'number' && SUPPORTED_VERSIONS.includes(version)) return undefined;
  return { code: 'CONFIG_VERSION_UNSUPPORTED', severity: 'error', message: `Unknown config version ${JSON.stringify(version)}; supported: ${supported}.`, hint: 'Write `version: 1`, or upgrade conecta if the file was written for a newer one.', file, line, column, pointer: '/version' };
}
