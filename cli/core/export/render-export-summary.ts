/** The human summary of an export, rendered from the same report `--json` prints. */
import { getKindInfo, kindInfos } from '../kinds/registry.js';
import type { Style } from '../render/style.js';
import type { ExportedSecret, SkippedExport } from './export-tenant.js';

export interface ExportSummary {
  /** The output directory as the user wrote it. */
  outDir: string;
  target: { url: string; isSandbox: boolean };
  /** Written files: the output directory as the user wrote it, joined with each file's path. */
  files: string[];
  counts: Record<string, number>;
  skipped: SkippedExport[];
  secrets: ExportedSecret[];
}

export function renderExportSummary(summary: ExportSummary, style: Style): string {
  const total = Object.values(summary.counts).reduce((sum, count) => sum + count, 0);
  const source = summary.target.isSandbox ? `the local sandbox (${summary.target.url})` : summary.target.url;
  const lines = [`Exported ${total} ${total === 1 ? 'object' : 'objects'} from ${source} to ${summary.outDir}:`];
  const rows = kindInfos.filter((info) => summary.counts[info.configKey] !== undefined);
  const width = Math.max(0, ...rows.map((info) => info.configKey.length));
  for (const info of rows) {
    const count = summary.counts[info.configKey]!;
    const where = count === 0 ? style.dim('(none, no file)') : info.kind === 'flow' ? 'flows/' : `${info.configKey}.yaml`;
    lines.push(`  ${info.configKey.padEnd(width)}  ${String(count).padStart(4)}  ${where}`);
  }
  if (summary.skipped.length > 0) {
    lines.push('', style.yellow(`Not exported (${summary.skipped.length}):`));
    for (const item of summary.skipped) {
      const what = item.name === undefined ? getKindInfo(item.kind).plural : `${item.kind}.${item.name}${item.field ? ` ${item.field}` : ''}`;
      lines.push(`  ${style.yellow('!')} ${what}: ${item.reason}`);
    }
  }
  if (summary.secrets.length > 0) {
    lines.push('', `Secrets are not exported; set these variables before plan/apply (${summary.secrets.length}):`);
    for (const secret of summary.secrets) lines.push(`  ${secret.envName}  ${style.dim(`(${secret.kind}.${secret.name} ${secret.path})`)}`);
  }
  lines.push('', `Next: review the files, commit them, then run ${style.bold(`conecta plan ${summary.outDir}`)}; it should say "No changes."`);
  return `${lines.join('\n')}\n`;
}
