/** The human report of `conecta doctor`, rendered from the same report `doctor --json` prints. */
import { getKindInfo } from '../kinds/registry.js';
import type { Kind, UnsupportedKind } from '../model/resource.js';
import { describeDuplicateKey, type DuplicateKey } from '../plan/find-duplicate-keys.js';
import type { Style } from './style.js';

/** What `conecta doctor` found (and what `doctor --json` prints). */
export interface DoctorReport {
  target: { url: string; isSandbox: boolean };
  apiVersion: string;
  /** Why the API version is doubtful (unexpected or missing); null when it is 4 or 4.x. */
  apiVersionWarning: string | null;
  /** The account signed in as (`GET /auth/me`); null when the tenant does not say. */
  account: { name: string; email: string; role: string } | null;
  counts: { kind: Kind; count: number }[];
  unsupported: UnsupportedKind[];
  /** Live values the provider could not map to the config. */
  notices: { kind: Kind; name: string; field: string; message: string }[];
  /** Natural keys held by more than one live object (plan refuses such a tenant). */
  duplicates: DuplicateKey[];
  /** With `--capture`: the file written, how many answers it holds, and what was pseudonymised. */
  capture?: { file: string; answers: number; pseudonymised: 'people' | 'all' };
}

export function renderDoctorReport(report: DoctorReport, style: Style): string {
  const lines: string[] = [];
  const ok = style.green('✓');
  lines.push(`${style.bold('Target')}   ${report.target.isSandbox ? `local sandbox (${report.target.url})` : report.target.url}`);
  lines.push(report.apiVersionWarning === null ? `${ok} API version ${report.apiVersion}` : `${style.yellow('!')} API version ${report.apiVersion}: ${report.apiVersionWarning}`);
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
  lines.push('', style.bold('Duplicate natural keys'));
  if (report.duplicates.length === 0) lines.push(`  ${ok} none: every live object has its own name`);
  for (const duplicate of report.duplicates) lines.push(`  ${style.red('✗')} ${describeDuplicateKey(duplicate)}`);
  lines.push('', style.bold('Could not map'));
  if (report.notices.length === 0) lines.push(`  ${ok} nothing: every live value has a place in the config`);
  for (const notice of report.notices) lines.push(`  ${style.yellow('!')} ${notice.kind}.${notice.name} ${notice.field}: ${notice.message}`);
  if (report.capture) {
    const what = report.capture.pseudonymised === 'all' ? "people's data and configuration names pseudonymised" : "people's data pseudonymised";
    lines.push('', `${ok} Capture written to ${report.capture.file} (${report.capture.answers} answers; ${what}; no token, password or cookie).`);
  }
  return `${lines.join('\n')}\n`;
}
