/**
 * Finds and reads the files of a config: each path is a file, or a directory whose `*.yaml` and
 * `*.yml` files below it are taken in sorted order (hidden directories skipped). Files over
 * 10 MB are refused before they are read.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Diagnostic } from '../core/diagnostics.js';
import { compareText } from '../core/compare-text.js';

export const MAX_FILE_BYTES = 10 * 1024 * 1024;

export interface ConfigSource {
  file: string;
  text: string;
}

export async function readConfigSources(paths: readonly string[], diagnostics: Diagnostic[]): Promise<ConfigSource[]> {
  const files: string[] = [];
  for (const path of paths) {
    const info = await stat(path).catch(() => undefined);
    if (!info) {
      diagnostics.push({ code: 'CONFIG_PATH_NOT_FOUND', severity: 'error', message: `${path} does not exist.`, hint: 'Pass a config directory or YAML file that exists.', file: path });
    } else if (info.isDirectory()) {
      const found = await listYamlFiles(path);
      if (found.length === 0) diagnostics.push({ code: 'CONFIG_NO_FILES', severity: 'error', message: `${path} holds no *.yaml or *.yml file.`, hint: 'Point conecta at the directory of your config files.', file: path });
      files.push(...found);
    } else {
      files.push(path);
    }
  }
  const unique = [...new Set(files)];
  const sources = await Promise.all(unique.map(async (file): Promise<ConfigSource | Diagnostic> => {
    try {
      const info = await stat(file);
      if (info.size > MAX_FILE_BYTES) {
        return { code: 'CONFIG_FILE_TOO_LARGE', severity: 'error', message: `${file} is ${(info.size / 1024 / 1024).toFixed(1)} MB; config files are limited to 10 MB.`, hint: 'Split the config into several files.', file };
      }
      return { file, text: (await readFile(file, 'utf8')).replace(/^\uFEFF/, '') };
    } catch (error) {
      return { code: 'CONFIG_FILE_UNREADABLE', severity: 'error', message: `${file} cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'}).`, hint: 'Check the file permissions.', file };
    }
  }));
  const result: ConfigSource[] = [];
  for (const source of sources) {
    if ('text' in source) result.push(source);
    else diagnostics.push(source);
  }
  return result;
}

async function listYamlFiles(directory: string): Promise<string[]> {
  const found: string[] = [];
  const entries = await readdir(directory, { withFileTypes: true });
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const path = join(directory, entry.name);
    const isDirectory = entry.isDirectory() || (entry.isSymbolicLink() && (await stat(path).then((info) => info.isDirectory(), () => false)));
    if (isDirectory) {
      if (entry.name !== 'node_modules') found.push(...(await listYamlFiles(path)));
    } else if (/\.ya?ml$/i.test(entry.name)) {
      found.push(path);
    }
  }
  return found.sort(compareText);
}
