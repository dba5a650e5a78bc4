/**
 * `conecta doctor`: a read-only check of the target. Opens the provider (which probes
 * `GET /api/version` and `GET /auth/me`), lists every supported kind to count its objects, and
 * collects what the tool could not map.
 */
import { resolveTarget, type ResolveTargetOptions } from './project.js';
import { allKinds, getKindInfo } from '../core/kinds/registry.js';
import type { Kind, UnsupportedKind } from '../core/model/resource.js';
import type { Style } from '../core/render/style.js';
import type { ProviderAccount, ProviderEvent, ProviderNotice } from '../../providers/contract.js';
import { openProvider } from './connect.js';

export interface DoctorOptions {
  /** Which tenant: the environment of conecta.yaml, or CONECTA_URL (the local sandbox when unset). */
  targetOptions: ResolveTargetOptions;
  cwd: string;
  onEvent?: (event: ProviderEvent) => void;
  /** Receives the one-line sandbox notice before the checks run. */
  onNotice?: (text: string) => void;
}

export interface DoctorReport {
  target: { url: string; isSandbox: boolean };
  apiVersion: string;
  account: ProviderAccount | null;
  counts: { kind: Kind; count: number }[];
  unsupported: UnsupportedKind[];
  notices: ProviderNotice[];
}

export async function runDoctor(options: DoctorOptions): Promise<DoctorReport> {
  const opened = await openProvider({ env: (await resolveTarget(options.targetOptions)).env, cwd: options.cwd, onEvent: options.onEvent });
  try {
    if (opened.notice) options.onNotice?.(opened.notice);
    const { description, provider } = opened;
    const unsupportedKinds = new Set(description.unsupported.map((entry) => entry.kind));
    const supported = allKinds.filter((kind) => !unsupportedKinds.has(kind));
    const counts = await Promise.all(supported.map(async (kind) => ({ kind, count: (await provider.list(kind)).length })));
    return {
      target: { url: description.url, isSandbox: description.isSandbox },
      apiVersion: description.apiVersion,
      account: description.account ?? null,
      counts,
      unsupported: description.unsupported,
      notices: provider.notices(),
    };
  } finally {
    await opened.close();
  }
}

export function renderDoctorReport(report: DoctorReport, style: Style): string {
  const lines: string[] = [];
  const ok = style.green('✓');
  lines.push(`${style.bold('Target')}   ${report.target.isSandbox ? `local sandbox (${report.target.url})` : report.target.url}`);
  lines.push(`${ok} API version ${report.apiVersion}`);
  lines.push(report.account
    ? `${ok} Signed in as ${report.account.name ? `${report.account.name} <${report.account.email}>` : report.account.email} (${report.account.role})`
    : `${ok} Signed in (the tenant did not say as whom)`);
  lines.push('', style.bold('Objects'));
  const width = Math.max(...report.counts.map(({ kind }) => getKindInfo(kind).plural.length));
  for (const { kind, count } of report.counts) lines.push(`  ${getKindInfo(kind).plural.padEnd(width)}  ${String(count).padStart(5)}`);
  if (report.unsupported.length > 0) {
    lines.push('', style.bold('Not supported by this tenant'));
    for (const entry of report.unsupported) lines.push(`  ${style.yellow('!')} ${getKindInfo(entry.kind).plural}: ${entry.reason}`);
  }
  lines.push('', style.bold('Could not map'));
  if (report.notices.length === 0) lines.push(`  ${ok} nothing: every live value has a place in the config`);
  for (const notice of report.notices) lines.push(`  ${style.yellow('!')} ${notice.kind}.${notice.name} ${notice.field}: ${notice.message}`);
  return `${lines.join('\n')}\n`;
}
