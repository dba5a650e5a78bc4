/**
 * `conecta export`: reads the tenant once and writes it as YAML, one file per kind and one per
 * flow. Refuses a non-empty directory unless forced, writes every file atomically, and reports
 * counts, what it could not export (with the reason) and the secrets left as placeholders.
 */
import { resolveTarget, type ResolveTargetOptions } from './project.js';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, readdir, stat } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { exportTenant, type SkippedExport } from '../core/export/export-tenant.js';
import type { ExportSummary } from '../core/export/render-export-summary.js';
import { ConectaError } from '../core/errors.js';
import { allKinds } from '../core/kinds/registry.js';
import type { Kind } from '../core/model/resource.js';
import type { Reporter } from '../io/reporter.js';
import type { ProviderNotice, Redactor } from '../../providers/contract.js';
import { openProvider } from './connect.js';
import { readSnapshot } from './refresh.js';
import { writeFileAtomically } from '../io/write-file-atomic.js';

export interface ExportOptions {
  /** The output directory as the user wrote it. */
  outDir: string;
  /** Kinds to export; all of them when absent. */
  kinds?: readonly Kind[];
  /** Write into a non-empty directory (files the export writes are replaced, others left alone). */
  isForced: boolean;
  /** Which tenant: the environment of conecta.yaml, or CONECTA_URL (the local sandbox when unset). */
  targetOptions: ResolveTargetOptions;
  cwd: string;
  /** The run's redactor: learns the credentials, masks what the provider reports. */
  redactor: Redactor;
  /** The clock that dates the header. */
  now: () => Date;
  /** Receives the sandbox notice and the provider's events. */
  reporter: Reporter;
}

const PACKAGE_NAME = 'conecta-as-code';
const SCHEMA_FILE = 'schema/conecta.schema.json';

export async function runExport(options: ExportOptions): Promise<ExportSummary> {
  const outDir = resolve(options.cwd, options.outDir);
  await assertWritableDirectory(outDir, options);
  const { reporter } = options;
  const resolved = await resolveTarget(options.targetOptions);
  const opened = await openProvider({ env: resolved.env, ...(resolved.reason ? { targetReason: resolved.reason } : {}), cwd: options.cwd, redactor: options.redactor, onEvent: (event) => reporter.emit({ type: 'provider', event }) });
  try {
    if (opened.notice) reporter.emit({ type: 'notice', text: opened.notice });
    for (const warning of opened.warnings) reporter.emit({ type: 'notice', text: warning });
    const { description, provider } = opened;
    const kinds = options.kinds ?? allKinds;
    const snapshot = await readSnapshot(provider, kinds, description.unsupported);
    const output = exportTenant({
      snapshot,
      kinds,
      target: description.isSandbox ? 'the local sandbox' : description.url,
      date: options.now().toISOString().slice(0, 10),
      schemaRef: locateSchema(outDir),
    });
    await mkdir(outDir, { recursive: true });
    // Sensitive values are placeholders already; a known secret found anywhere else (a token pasted
    // into a description) is masked rather than written.
    for (const file of output.files) await writeFileAtomically(join(outDir, ...file.path.split('/')), options.redactor.mask(file.text));
    return {
      outDir: options.outDir,
      target: { url: description.url, isSandbox: description.isSandbox },
      files: output.files.map((file) => join(options.outDir, ...file.path.split('/'))),
      counts: output.counts,
      skipped: [...output.skipped, ...provider.notices().filter((notice) => kinds.includes(notice.kind)).map(toSkipped)],
      secrets: output.files.flatMap((file) => file.secrets),
    };
  } finally {
    await opened.close();
  }
}

function toSkipped(notice: ProviderNotice): SkippedExport {
  return { kind: notice.kind, name: notice.name, field: notice.field, reason: `could not be read: ${notice.message}` };
}

async function assertWritableDirectory(outDir: string, options: ExportOptions): Promise<void> {
  const info = await stat(outDir).catch(() => undefined);
  if (!info) return;
  if (!info.isDirectory()) {
    throw new ConectaError('EXPORT_OUT_NOT_A_DIRECTORY', `${options.outDir} exists and is not a directory.`, { hint: 'Pass --out with a new or empty directory.' });
  }
  if (options.isForced || (await readdir(outDir)).length === 0) return;
  throw new ConectaError('EXPORT_DIR_NOT_EMPTY', `${options.outDir} is not empty.`, {
    hint: 'Export into a new or empty directory, or pass --force to replace the files the export writes (other files are left as they are).',
  });
}

/**
 * The modeline's `$schema`, always a relative path: to this repository's schema or to the
 * installed package's copy (`node_modules/conecta-as-code/schema/…`) when the directory is inside
 * either; otherwise to where `npm install` puts that copy in the project (the nearest folder with
 * conecta.yaml or package.json, else the export folder), the place `conecta init` points
 * editors at (modelines and .vscode/settings.json). Never a URL: the schema is not hosted.
 */
function locateSchema(outDir: string): string {
  let projectRoot: string | undefined;
  for (let dir = outDir; ; dir = dirname(dir)) {
    if (isThisRepository(dir)) return toRelativeRef(outDir, join(dir, SCHEMA_FILE));
    const installed = join(dir, 'node_modules', PACKAGE_NAME, SCHEMA_FILE);
    if (existsSync(installed)) return toRelativeRef(outDir, installed);
    projectRoot ??= existsSync(join(dir, 'conecta.yaml')) || existsSync(join(dir, 'package.json')) ? dir : undefined;
    if (dirname(dir) === dir) return toRelativeRef(outDir, join(projectRoot ?? outDir, 'node_modules', PACKAGE_NAME, SCHEMA_FILE));
  }
}

function isThisRepository(dir: string): boolean {
  if (!existsSync(join(dir, SCHEMA_FILE))) return false;
  try {
    return (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string }).name === PACKAGE_NAME;
  } catch {
    return false;
  }
}

function toRelativeRef(from: string, to: string): string {
  return relative(from, to).split(sep).join('/');
}
