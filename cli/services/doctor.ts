/**
 * `conecta doctor`: a read-only check of the target. Opens the provider (which probes
 * `GET /api/version` and `GET /auth/me`), lists every supported kind to count its objects, and
 * collects what the tool could not map. With a capture file, the HTTP client's answers are
 * recorded on the way (providers/conecta/capture.ts), pseudonymised, masked with the run's
 * redactor and written atomically, readable by its owner only; a read that fails part-way still
 * writes what was read, with the error, since that is when the file is most useful.
 */
import { resolve } from 'node:path';
import { resolveTarget, type ResolveTargetOptions } from './project.js';
import { allKinds } from '../core/kinds/registry.js';
import { ConectaError } from '../core/errors.js';
import type { Kind, LiveResource } from '../core/model/resource.js';
import { findDuplicateKeys } from '../core/plan/find-duplicate-keys.js';
import type { DoctorReport } from '../core/render/doctor-report.js';
import type { Reporter } from '../io/reporter.js';
import { writeFileAtomically } from '../io/write-file-atomic.js';
import type { ProviderNotice, Redactor } from '../../providers/contract.js';
import type { PseudonymScope } from '../../providers/capture-format.js';
import type { CaptureRecorder } from '../../providers/conecta/capture.js';
import { openProvider, type OpenedProvider } from './connect.js';

export interface DoctorOptions {
  /** Which tenant: the environment of conecta.yaml, or CONECTA_URL (the local sandbox when unset). */
  targetOptions: ResolveTargetOptions;
  cwd: string;
  /** The run's redactor: learns the credentials, masks what the provider reports. */
  redactor: Redactor;
  /** Receives the sandbox notice and the provider's events. */
  reporter: Reporter;
  /** Record what the tool reads into this file (`--capture`). */
  capture?: CaptureOptions;
}

export interface CaptureOptions {
  /** The capture file, relative to cwd. */
  file: string;
  /** `people` (the default): people's data; `all`: configuration names and texts too. */
  scope: PseudonymScope;
  /** The version of this tool, recorded in the file. */
  toolVersion: string;
  /** The date recorded in the file (tests fix it). */
  now?: () => Date;
}

/** The mode of a capture file: its owner may read and write it, nobody else. */
export const CAPTURE_FILE_MODE = 0o600;

export async function runDoctor(options: DoctorOptions): Promise<DoctorReport> {
  const { reporter } = options;
  const resolved = await resolveTarget(options.targetOptions);
  const recorder = options.capture ? new (await import('../../providers/conecta/capture.js')).CaptureRecorder() : undefined;
  let opened: OpenedProvider;
  try {
    opened = await openProvider({
      env: resolved.env, ...(resolved.reason ? { targetReason: resolved.reason } : {}), cwd: options.cwd, redactor: options.redactor,
      onEvent: (event) => reporter.emit({ type: 'provider', event }), ...(recorder ? { recorder } : {}),
    });
  } catch (error) {
    const url = resolved.env.CONECTA_URL?.trim();
    await writeCaptureAfterFailure(options, recorder, { url: url || 'http://127.0.0.1', isSandbox: !url, notices: [], unsupported: [] }, error);
    throw error;
  }
  try {
    if (opened.notice) reporter.emit({ type: 'notice', text: opened.notice });
    const { description, provider } = opened;
    const unsupportedKinds = new Set(description.unsupported.map((entry) => entry.kind));
    const supported = allKinds.filter((kind) => !unsupportedKinds.has(kind));
    const target = { url: description.url, isSandbox: description.isSandbox, unsupported: description.unsupported };
    let lists: [Kind, LiveResource[]][];
    try {
      lists = await Promise.all(supported.map(async (kind): Promise<[Kind, LiveResource[]]> => [kind, await provider.list(kind)]));
    } catch (error) {
      await writeCaptureAfterFailure(options, recorder, { ...target, notices: provider.notices() }, error);
      throw error;
    }
    const counts = lists.map(([kind, resources]) => ({ kind, count: resources.length }));
    const notices = provider.notices();
    const report: DoctorReport = {
      target: { url: description.url, isSandbox: description.isSandbox },
      apiVersion: description.apiVersion,
      // A finding of the report rather than a notice: doctor is where the tenant is examined.
      apiVersionWarning: description.apiVersionWarning ?? null,
      account: description.account ?? null,
      counts,
      unsupported: description.unsupported,
      notices,
      duplicates: findDuplicateKeys(lists.flatMap(([, resources]) => resources)),
    };
    if (!recorder || !options.capture) return report;
    const answers = await writeCapture(options, options.capture, recorder, { ...target, notices });
    return { ...report, capture: { file: options.capture.file, answers, pseudonymised: options.capture.scope } };
  } finally {
    await opened.close();
  }
}

interface CaptureTarget {
  url: string;
  isSandbox: boolean;
  notices: readonly ProviderNotice[];
  unsupported: DoctorReport['unsupported'];
  failure?: { code: string; message: string };
}

/** Writes the capture; returns how many answers it holds. */
async function writeCapture(options: DoctorOptions, capture: CaptureOptions, recorder: CaptureRecorder, target: CaptureTarget): Promise<number> {
  const file = recorder.toCaptureFile({
    tool: { name: 'conecta-as-code', version: capture.toolVersion },
    capturedAt: (capture.now ?? (() => new Date()))(),
    scope: capture.scope,
    ...target,
  });
  // The run's redactor last: whatever the pseudonymiser missed, no credential or token the run knows leaves in any encoding.
  await writeFileAtomically(resolve(options.cwd, capture.file), options.redactor.mask(`${JSON.stringify(file, null, 2)}\n`), { mode: CAPTURE_FILE_MODE });
  return file.exchanges.length;
}

async function writeCaptureAfterFailure(options: DoctorOptions, recorder: CaptureRecorder | undefined, target: CaptureTarget, error: unknown): Promise<void> {
  if (!recorder || !options.capture) return;
  const failure = { code: error instanceof ConectaError ? error.code : 'UNEXPECTED', message: error instanceof Error ? error.message : String(error) };
  try {
    const answers = await writeCapture(options, options.capture, recorder, { ...target, failure });
    options.reporter.emit({ type: 'notice', text: `The read failed; the capture written to ${options.capture.file} holds the ${answers} answers read before it, and the error.` });
  } catch {
    // The read's own error is the one to report.
  }
}
