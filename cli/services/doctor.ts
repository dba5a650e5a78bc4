/**
 * `conecta doctor`: a read-only check of the target. Opens the provider (which probes
 * `GET /api/version` and `GET /auth/me`), lists every supported kind to count its objects, and
 * collects what the tool could not map.
 */
import { resolveTarget, type ResolveTargetOptions } from './project.js';
import { allKinds } from '../core/kinds/registry.js';
import type { Kind, LiveResource } from '../core/model/resource.js';
import { findDuplicateKeys } from '../core/plan/find-duplicate-keys.js';
import type { DoctorReport } from '../core/render/doctor-report.js';
import type { Reporter } from '../io/reporter.js';
import type { Redactor } from '../../providers/contract.js';
import { openProvider } from './connect.js';

export interface DoctorOptions {
  /** Which tenant: the environment of conecta.yaml, or CONECTA_URL (the local sandbox when unset). */
  targetOptions: ResolveTargetOptions;
  cwd: string;
  /** The run's redactor: learns the credentials, masks what the provider reports. */
  redactor: Redactor;
  /** Receives the sandbox notice and the provider's events. */
  reporter: Reporter;
}

export async function runDoctor(options: DoctorOptions): Promise<DoctorReport> {
  const { reporter } = options;
  const resolved = await resolveTarget(options.targetOptions);
  const opened = await openProvider({ env: resolved.env, ...(resolved.reason ? { targetReason: resolved.reason } : {}), cwd: options.cwd, redactor: options.redactor, onEvent: (event) => reporter.emit({ type: 'provider', event }) });
  try {
    if (opened.notice) reporter.emit({ type: 'notice', text: opened.notice });
    const { description, provider } = opened;
    const unsupportedKinds = new Set(description.unsupported.map((entry) => entry.kind));
    const supported = allKinds.filter((kind) => !unsupportedKinds.has(kind));
    const lists = await Promise.all(supported.map(async (kind): Promise<[Kind, LiveResource[]]> => [kind, await provider.list(kind)]));
    const counts = lists.map(([kind, resources]) => ({ kind, count: resources.length }));
    return {
      target: { url: description.url, isSandbox: description.isSandbox },
      apiVersion: description.apiVersion,
      // A finding of the report rather than a notice: doctor is where the tenant is examined.
      apiVersionWarning: description.apiVersionWarning ?? null,
      account: description.account ?? null,
      counts,
      unsupported: description.unsupported,
      notices: provider.notices(),
      duplicates: findDuplicateKeys(lists.flatMap(([, resources]) => resources)),
    };
  } finally {
    await opened.close();
  }
}
