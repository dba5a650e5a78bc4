/**
 * Finds and reads the files of a config: each path is a file, or a directory whose `*.yaml` and
 * `*.yml` files below it are taken in sorted order (hidden directories skipped).
 *
 * Config files come from the config tree only: a file (or a folder) whose real path, symlinks
 * resolved, lies outside the path given is refused before it is opened (a link to
 * /proc/self/environ or ../.git/config would otherwise print the token). FIFOs, devices and other
 * non-regular files are refused without being read (a FIFO would block for ever). The 10 MB limit
 * counts the bytes actually read (/proc files say 0 in stat), and a file that is not UTF-8 is
 * refused with the line of its first bad byte rather than read with U+FFFD in it.
 */
import { constants } from 'node:fs';
import { open, readdir, realpath, stat } from 'node:fs/promises';
import { dirname, join, relative, isAbsolute } from 'node:path';
import type { Diagnostic } from '../core/diagnostics.js';
import { compareText } from '../core/compare-text.js';

export const MAX_FILE_BYTES = 10 * 1024 * 1024;

export interface ConfigSource {
  file: string;
  text: string;
}

export interface Candidate {
  file: string;
  /** The real path of the folder the file must stay inside. */
  root: string;
}

export async function readConfigSources(paths: readonly string[], diagnostics: Diagnostic[], maxBytes = MAX_FILE_BYTES): Promise<ConfigSource[]> {
  const candidates: Candidate[] = [];
  for (const path of paths) {
    const info = await stat(path).catch(() => undefined);
    if (!info) {
      diagnostics.push({ code: 'CONFIG_PATH_NOT_FOUND', severity: 'error', message: `${path} does not exist.`, hint: 'Pass a config directory or YAML file that exists.', file: path });
    } else if (info.isDirectory()) {
      const root = await realpath(path);
      const found = await listYamlFiles(path, root, new Set([root]), diagnostics);
      if (found.length === 0 && !diagnostics.some((diagnostic) => diagnostic.file?.startsWith(path))) {
        diagnostics.push({ code: 'CONFIG_NO_FILES', severity: 'error', message: `${path} holds no *.yaml or *.yml file.`, hint: 'Point conecta at the directory of your config files.', file: path });
      }
      candidates.push(...found.map((file) => ({ file, root })));
    } else {
      // A file given by name may live anywhere, but a link must not lead out of its own folder.
      candidates.push({ file: path, root: await realpath(dirname(path)) });
    }
  }
  const seen = new Set<string>();
  const unique = candidates.filter((candidate) => !seen.has(candidate.file) && seen.add(candidate.file));
  const sources = await Promise.all(unique.map((candidate) => readConfigFile(candidate, maxBytes)));
  const result: ConfigSource[] = [];
  for (const source of sources) {
    if ('text' in source) result.push(source);
    else diagnostics.push(source);
  }
  return result;
}

/**
 * One file, or the diagnostic that says why it was not read: it must resolve inside `root`, be a
 * regular file, hold at most `maxBytes` and be UTF-8 (the project file is read the same way).
 */
export async function readConfigFile({ file, root }: Candidate, maxBytes = MAX_FILE_BYTES): Promise<ConfigSource | Diagnostic> {
  try {
    const real = await realpath(file);
    if (!isInside(real, root)) return outsideTree(file, real);
    const info = await stat(real);
    if (!info.isFile()) return notRegular(file);
    // O_NONBLOCK: should the file have become a FIFO since stat, opening it still returns at once.
    const handle = await open(real, constants.O_RDONLY | constants.O_NONBLOCK | (constants.O_NOCTTY ?? 0));
    try {
      if (!(await handle.stat()).isFile()) return notRegular(file);
      const bytes = await readAtMost(handle, maxBytes + 1);
      if (bytes.length > maxBytes) {
        return { code: 'CONFIG_FILE_TOO_LARGE', severity: 'error', message: `${file} is larger than ${formatMegabytes(maxBytes)}, the limit for a config file.`, hint: 'Split the config into several files.', file };
      }
      return decodeUtf8(file, bytes);
    } finally {
      await handle.close();
    }
  } catch (error) {
    return { code: 'CONFIG_FILE_UNREADABLE', severity: 'error', message: `${file} cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'}).`, hint: 'Check the file permissions.', file };
  }
}

async function readAtMost(handle: Awaited<ReturnType<typeof open>>, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  while (total < limit) {
    const chunk = Buffer.alloc(Math.min(64 * 1024, limit - total));
    const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
    if (bytesRead === 0) break;
    chunks.push(chunk.subarray(0, bytesRead));
    total += bytesRead;
  }
  return Buffer.concat(chunks, total);
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

function decodeUtf8(file: string, bytes: Buffer): ConfigSource | Diagnostic {
  try {
    return { file, text: utf8.decode(bytes) };
  } catch {
    const offset = findInvalidUtf8(bytes);
    const before = bytes.subarray(0, offset);
    const lineStart = before.lastIndexOf(0x0a) + 1;
    const line = before.reduce((count, byte) => count + (byte === 0x0a ? 1 : 0), 1);
    const column = new TextDecoder().decode(before.subarray(lineStart)).length + 1;
    return {
      code: 'CONFIG_FILE_ENCODING', severity: 'error', file, line, column,
      message: `${file} is not valid UTF-8: byte 0x${(bytes[offset] ?? 0).toString(16).padStart(2, '0')} on line ${line} cannot start or continue a character.`,
      hint: 'Save the file as UTF-8 (it was probably saved as Latin-1 or Windows-1252); your editor\'s "Save with encoding" does it.',
    };
  }
}

/** The offset of the first byte that is not part of a well-formed UTF-8 sequence. */
export function findInvalidUtf8(bytes: Uint8Array): number {
  let index = 0;
  while (index < bytes.length) {
    const byte = bytes[index]!;
    const length = byte < 0x80 ? 1 : byte >= 0xc2 && byte <= 0xdf ? 2 : byte >= 0xe0 && byte <= 0xef ? 3 : byte >= 0xf0 && byte <= 0xf4 ? 4 : 0;
    if (length === 0) return index;
    for (let next = 1; next < length; next += 1) {
      const continuation = bytes[index + next];
      if (continuation === undefined || (continuation & 0xc0) !== 0x80) return index;
    }
    const second = bytes[index + 1] ?? 0;
    // Overlong forms, surrogates and code points past U+10FFFF.
    if ((byte === 0xe0 && second < 0xa0) || (byte === 0xed && second > 0x9f) || (byte === 0xf0 && second < 0x90) || (byte === 0xf4 && second > 0x8f)) return index;
    index += length;
  }
  return bytes.length;
}

async function listYamlFiles(directory: string, root: string, visited: Set<string>, diagnostics: Diagnostic[]): Promise<string[]> {
  const found: string[] = [];
  const entries = await readdir(directory, { withFileTypes: true });
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const path = join(directory, entry.name);
    let isDirectory = entry.isDirectory();
    if (entry.isSymbolicLink()) {
      const real = await realpath(path).catch(() => undefined);
      const info = real === undefined ? undefined : await stat(real).catch(() => undefined);
      isDirectory = info?.isDirectory() === true;
      const isYaml = /\.ya?ml$/i.test(entry.name);
      if (real !== undefined && (isDirectory || isYaml) && !isInside(real, root)) {
        diagnostics.push(outsideTree(path, real));
        continue;
      }
      // A link back to a folder already walked (a loop, or the same folder twice) adds nothing.
      if (isDirectory && real !== undefined) {
        if (visited.has(real)) continue;
        visited.add(real);
      }
    }
    if (isDirectory) {
      if (entry.name !== 'node_modules') found.push(...(await listYamlFiles(path, root, visited, diagnostics)));
    } else if (/\.ya?ml$/i.test(entry.name)) {
      found.push(path);
    }
  }
  return found.sort(compareText);
}

function isInside(path: string, root: string): boolean {
  const relation = relative(root, path);
  return relation === '' || (!relation.startsWith('..') && !isAbsolute(relation));
}

function outsideTree(file: string, real: string): Diagnostic {
  return {
    code: 'CONFIG_FILE_OUTSIDE_TREE', severity: 'error', file,
    message: `${file} is a link to ${real}, outside the config folder; it was not read.`,
    hint: 'Copy the file into the config folder, or pass its real path explicitly.',
  };
}

function notRegular(file: string): Diagnostic {
  return {
    code: 'CONFIG_FILE_NOT_REGULAR', severity: 'error', file,
    message: `${file} is not a regular file (a FIFO, a device or a socket); it was not read.`,
    hint: 'Config files must be plain YAML files.',
  };
}

function formatMegabytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${bytes / 1024 / 1024} MB` : `${bytes} bytes`;
}
