/**
 * Finds and reads `conecta.yaml`, the project file: `--project FILE`, else `CONECTA_PROJECT`, else
 * the nearest `conecta.yaml` from the working directory up to the repository root (the first
 * folder holding `.git`). Problems come back as located diagnostics, like the config reader's.
 */
import { isErrorCode, type ErrorCode } from '../core/error-codes.js';
import { readFile, realpath, stat } from 'node:fs/promises';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ErrorObject } from 'ajv/dist/2020.js';
import { LineCounter, isMap, isScalar, isSeq, parseDocument, type Document, type Node } from 'yaml';
import type { Diagnostic } from '../core/diagnostics.js';
import { ConectaError, ConfigError } from '../core/errors.js';
import { checkProject } from '../core/project/check-project.js';
import type { ProjectFile } from '../core/project/project.js';
import type { LoadedProject } from '../core/project/resolve-target.js';
import { kindInfos } from '../core/kinds/registry.js';
import { readConfigFile } from './config-files.js';
import { composeYaml } from './yaml-compose.js';
import { getValidator } from './schema-validators.js';
import { appendPointer, parsePointer } from '../core/json-pointer.js';

export const PROJECT_FILE_NAMES = ['conecta.yaml', 'conecta.yml'] as const;

export interface FindProjectOptions {
  cwd: string;
  env: Record<string, string | undefined>;
  /** `--project`: a file, or a folder holding `conecta.yaml`. */
  projectFile?: string;
}

/** The project file's absolute path, or undefined when there is none (and none was asked for). */
export async function findProjectFile(options: FindProjectOptions): Promise<string | undefined> {
  const explicit = options.projectFile || options.env.CONECTA_PROJECT || undefined;
  if (explicit !== undefined) {
    const path = resolve(options.cwd, explicit);
    const info = await stat(path).catch(() => undefined);
    const file = info?.isDirectory() ? await findInFolder(path) : info ? path : undefined;
    if (!file) {
      throw new ConectaError('PROJECT_NOT_FOUND', `The project file ${explicit} does not exist.`, {
        hint: 'Pass --project with the path of conecta.yaml (or of its folder), or unset CONECTA_PROJECT.',
      });
    }
    return file;
  }
  for (let folder = resolve(options.cwd); ; folder = dirname(folder)) {
    const file = await findInFolder(folder);
    if (file && !(await isConfigFile(file))) return file;
    if (existsSync(join(folder, '.git')) || dirname(folder) === folder) return undefined;
  }
}

/**
 * A `conecta.yaml` that holds kinds (`teams:`, `agents:`…) and no project keys is a config file
 * that happens to have the project file's name, not a project: discovery passes it by.
 */
async function isConfigFile(file: string): Promise<boolean> {
  const head = await readFile(file, 'utf8').then((text) => text.slice(0, 64 * 1024), () => '');
  const topLevelKeys = new Set([...head.matchAll(/^([A-Za-z]+):/gm)].map((match) => match[1]));
  const isProject = ['environments', 'config', 'defaultEnvironment', 'variables'].some((key) => topLevelKeys.has(key));
  return !isProject && kindInfos.some((info) => topLevelKeys.has(info.configKey));
}

async function findInFolder(folder: string): Promise<string | undefined> {
  for (const name of PROJECT_FILE_NAMES) {
    const path = join(folder, name);
    if ((await stat(path).catch(() => undefined))?.isFile()) return path;
  }
  return undefined;
}

/** Reads, parses and checks a project file; throws a ConfigError listing every problem. */
export async function readProjectFile(file: string): Promise<LoadedProject> {
  let root: string;
  try {
    root = await realpath(dirname(file));
  } catch (error) {
    throw new ConectaError('PROJECT_NOT_FOUND', `Cannot read the project file ${file}: ${(error as Error).message}`, { hint: 'Check the path and its permissions.' });
  }
  // The config reader's checks: inside its folder, a regular file, the size read, UTF-8.
  const read = await readConfigFile({ file, root });
  if (!('text' in read)) {
    if (read.code === 'CONFIG_FILE_UNREADABLE') throw new ConectaError('PROJECT_NOT_FOUND', `Cannot read the project file ${file}: ${read.message}`, { hint: 'Check the path and its permissions.' });
    const diagnostic: Diagnostic = read.code === 'CONFIG_FILE_TOO_LARGE' ? { ...read, code: 'PROJECT_FILE_TOO_LARGE', hint: 'A project file lists environments; it should be a few lines long.' } : read;
    throw new ConfigError([diagnostic], read.code === 'CONFIG_FILE_TOO_LARGE' ? `The project file ${file} is too large (over 10 MB).` : `${file} cannot be read as a project file: ${read.message}`);
  }
  const source = read.text;
  const { project, diagnostics } = parseProjectFile(source, file);
  if (!project) throw new ConfigError(diagnostics, `${file} is not a valid project file.`);
  return { file, dir: dirname(file), project };
}

/** The project file's twin of a config-file code (`CONFIG_YAML_TAG` → `PROJECT_YAML_TAG`). */
function toProjectCode(code: ErrorCode): ErrorCode {
  const twin = code.replace(/^CONFIG_/, 'PROJECT_');
  return isErrorCode(twin) ? twin : 'PROJECT_YAML';
}

/** Parses the text of a project file. `project` is set only when there is no error. */
export function parseProjectFile(source: string, file: string): { project?: ProjectFile; diagnostics: Diagnostic[] } {
  // The config reader's composer enforces the hostile-input limits (aliases, depth, forbidden keys)
  // before the full document is built for positions.
  const composed = composeYaml(source, file);
  if (composed.diagnostics.length > 0) return { diagnostics: composed.diagnostics.map((diagnostic) => ({ ...diagnostic, code: toProjectCode(diagnostic.code) })) };
  const lineCounter = new LineCounter();
  const document = parseDocument(source, { lineCounter, uniqueKeys: true, prettyErrors: false });
  const diagnostics: Diagnostic[] = [...document.errors, ...document.warnings].map((problem) => {
    const position = lineCounter.linePos(problem.pos[0]);
    return { code: 'PROJECT_YAML', severity: 'error', message: problem.message.split('\n')[0] ?? problem.message, file, line: position.line, column: position.col };
  });
  if (diagnostics.length > 0) return { diagnostics };
  const value: unknown = document.toJS({ maxAliasCount: 100 });
  const locate = (pointer: string) => locatePointer(document, lineCounter, pointer);
  const validate = getValidator('project');
  if (!validate(value)) {
    // Ajv adds a summary error after each failing property name; the name's own error says more.
    const errors = (validate.errors ?? []).filter((error) => error.keyword !== 'propertyNames');
    return { diagnostics: errors.map((error) => toDiagnostic(error, file, locate)) };
  }
  const project = value as ProjectFile;
  const problems = checkProject(project, file, locate);
  return problems.length > 0 ? { diagnostics: problems } : { project, diagnostics: [] };
}

function toDiagnostic(error: ErrorObject, file: string, locate: (pointer: string) => { line: number; column: number } | undefined): Diagnostic {
  const where = error.instancePath || '(top level)';
  let pointer = error.instancePath;
  let message = `${where} ${error.message ?? 'is not valid'}.`;
  let hint: string | undefined;
  if (error.keyword === 'additionalProperties') {
    const key = (error.params as { additionalProperty: string }).additionalProperty;
    pointer = appendPointer(error.instancePath, key);
    message = `Unknown key "${key}" in ${where}.`;
    const allowed = Object.keys((error.parentSchema as { properties?: object } | undefined)?.properties ?? {});
    if (allowed.length > 0) hint = `Allowed keys: ${allowed.join(', ')}.`;
  } else if (error.propertyName !== undefined) {
    pointer = appendPointer(error.instancePath, error.propertyName);
    message = `"${error.propertyName}" is not a valid name in ${where}.`;
    const description = (error.parentSchema as { description?: string } | undefined)?.description;
    if (description) hint = description;
  } else if (error.keyword === 'const' || error.keyword === 'enum' || error.keyword === 'pattern' || error.keyword === 'type') {
    const description = (error.parentSchema as { description?: string } | undefined)?.description;
    if (description) hint = description;
  }
  return { code: 'PROJECT_SCHEMA', severity: 'error', message, hint, file, pointer, ...locate(pointer) };
}

/** The position of the key (for map entries) or of the item (for list items) at `pointer`. */
function locatePointer(document: Document, lineCounter: LineCounter, pointer: string): { line: number; column: number } | undefined {
  const segments = parsePointer(pointer);
  let node: unknown = document.contents;
  let offset = (document.contents as Node | null)?.range?.[0];
  for (const segment of segments) {
    if (isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === segment);
      if (!pair) break;
      offset = (pair.key as Node).range?.[0] ?? offset;
      node = pair.value;
    } else if (isSeq(node)) {
      const item = node.items[Number(segment)] as Node | undefined;
      if (!item) break;
      offset = item.range?.[0] ?? offset;
      node = item;
    } else {
      break;
    }
  }
  if (offset === undefined) return undefined;
  const position = lineCounter.linePos(offset);
  return { line: position.line, column: position.col };
}

let packageRoot: string | undefined;

/** The folder of this package's package.json (from the sources or from dist/, installed or not). */
export function findPackageRoot(): string {
  if (packageRoot) return packageRoot;
  for (let folder = dirname(fileURLToPath(import.meta.url)); ; folder = dirname(folder)) {
    const manifest = join(folder, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'conecta-as-code') {
      packageRoot = folder;
      return folder;
    }
    if (dirname(folder) === folder) throw new Error('conecta-as-code: cannot find the package root (package.json)');
  }
}
