/**
 * The reporter for people: results on stdout, notes, warnings and errors on stderr, colour when
 * the style says so. During an apply on a terminal (stderr is a TTY) a live progress line is
 * redrawn on stderr and the full report follows on stdout; elsewhere (CI logs) each finished
 * step is printed once on stdout as it finishes and the report adds only what was not shown.
 */
import { ConectaError, ConfigError } from '../core/errors.js';
import { formatStepLine, renderApplyReport } from '../core/execute/render-report.js';
import { renderExportSummary } from '../core/export/render-export-summary.js';
import { renderDiagnostics } from '../core/render/diagnostics.js';
import { renderDoctorReport } from '../core/render/doctor-report.js';
import { renderPlanMarkdown } from '../core/render/plan-markdown.js';
import { renderPlanText } from '../core/render/plan-text.js';
import { neutralizeControlChars, neutralizeDeep } from '../core/render/escape.js';
import type { Style } from '../core/render/style.js';
import type { InitResult } from '../services/init.js';
import type { KindCount, ValidateResult } from '../services/validate.js';
import { createLiveProgress, type LiveProgress } from './progress.js';
import { formatProviderEvent, type CommandResult, type Mask, type Reporter, type ReporterEvent, type ReporterStreams } from './reporter.js';

export interface TerminalReporterOptions extends ReporterStreams {
  style: Style;
  /** Show one line per HTTP request. */
  isVerbose: boolean;
  /** stderr is a terminal: draw a live progress line during an apply. */
  isLiveProgress: boolean;
  /** The run's secret masking, applied to everything written. */
  mask: Mask;
  /** Monotonic clock for the live line (tests pass their own). */
  now?: () => number;
}

export function createTerminalReporter(options: TerminalReporterOptions): Reporter {
  const { style, mask } = options;
  const out = (text: string) => options.stdout.write(mask(text.endsWith('\n') ? text : `${text}\n`));
  let progress: LiveProgress | undefined;
  /** Finished steps were printed as they finished (not a terminal). */
  let isFinishedStepsShown = false;
  const err = (text: string) => {
    if (progress) progress.print(mask(text));
    else options.stderr.write(`${mask(text)}\n`);
  };

  // Names and texts come from the config and the tenant: their control characters are made
  // visible before the style adds its own colours.
  const emit = (unsafe: ReporterEvent): void => {
    const event = neutralizeDeep(unsafe);
    switch (event.type) {
      case 'notice':
        return err(event.text);
      case 'diagnostics':
        return err(renderDiagnostics(event.diagnostics, style).trimEnd());
      case 'provider': {
        // The live line counts retries and waits; it does not print them.
        if (progress && (event.event.type === 'retry' || event.event.type === 'rate-limited')) return progress.onProviderEvent(event.event);
        const line = formatProviderEvent(event.event, options.isVerbose, style);
        if (line !== undefined) err(line);
        return;
      }
      case 'plan':
        return void out(renderPlanText(event.plan, style));
      case 'apply-started':
        if (options.isLiveProgress) progress = createLiveProgress({ stream: options.stderr, total: event.total, ...(options.now ? { now: options.now } : {}) });
        else {
          isFinishedStepsShown = true;
          out('');
        }
        return;
      case 'step':
        if (progress) return progress.onExecutionEvent(event.event);
        if (event.event.type === 'step-finished' && event.event.step.status !== 'not-started') out(formatStepLine(event.event.step, style));
        return;
      case 'apply-finished':
        progress?.stop();
        progress = undefined;
        return;
    }
  };

  const result = (unsafe: CommandResult): void => {
    const result = neutralizeDeep(unsafe);
    switch (result.command) {
      case 'plan':
        return void out(result.format === 'markdown' ? renderPlanMarkdown(result.plan, result.maxLength === undefined ? {} : { limit: result.maxLength }) : renderPlanText(result.plan, style));
      case 'apply':
        // The plan was shown (as an event) before consent; what is left is the report of the run.
        if (result.outcome.result) out(`\n${renderApplyReport(result.outcome.result, style, { isFinishedStepsShown })}`);
        return;
      case 'doctor':
        return void out(renderDoctorReport(result.report, style));
      case 'export':
        return void out(renderExportSummary(result.summary, style));
      case 'validate':
        return renderValidate(result.result);
      case 'graph':
        return void out(result.result.diagram);
      case 'init':
        return void out(renderInit(result.result, style));
      case 'schema':
        return void out(JSON.stringify(result.schema, null, 2));
      case 'sandbox':
        out(`Conecta sandbox listening on ${result.url} (data: ${result.dataFile ?? 'in memory'}${result.replay === undefined ? '' : `, replaying ${result.replay}`})`);
        return void out(`CONECTA_URL=${result.url} CONECTA_TOKEN=${result.token}`);
      case 'version': {
        const { name, version, platform, arch, node } = result.version;
        return void out(`${name}/${version} ${platform}-${arch} node-${node}`);
      }
      case 'completion':
        // The script as it is: a shell reads it.
        return void options.stdout.write(mask(result.result.script));
      case 'help':
        return void out(result.help.map((entry) => `${entry.id}: ${entry.description}`).join('\n'));
    }
  };

  const renderValidate = (validation: ValidateResult): void => {
    if (validation.diagnostics.length > 0) err(renderDiagnostics(validation.diagnostics, style).trimEnd());
    if (!validation.isValid) return;
    const isSingle = validation.environments.length === 1 && validation.environments[0]?.name === 'default';
    for (const environment of validation.environments) out(isSingle ? formatCounts(environment.counts) : `${environment.description}: ${formatCounts(environment.counts)}`);
    out(style.green('Configuration is valid.'));
  };

  return {
    emit,
    result,
    error(error, { isVerbose }) {
      progress?.stop();
      progress = undefined;
      const write = (text: string) => options.stderr.write(`${mask(text)}\n`);
      const safe = (text: string) => neutralizeControlChars(text);
      if (error instanceof ConfigError) {
        options.stderr.write(mask(renderDiagnostics(neutralizeDeep(error.diagnostics), style)));
      } else if (error instanceof ConectaError) {
        write(`${style.red('Error')} ${style.dim(`[${error.code}]`)} ${safe(error.message)}`);
        if (error.hint) write(`${style.cyan('hint:')} ${safe(error.hint)}`);
      } else {
        write(`${style.red('Unexpected error:')} ${safe(error.message)}`);
        write(isVerbose ? safe(error.stack ?? '') : `${style.cyan('hint:')} run again with --verbose for details, and report it with the output.`);
      }
      if (isVerbose && error instanceof ConectaError && error.stack) write(safe(error.stack));
    },
  };
}

function renderInit(result: InitResult, style: Style): string {
  const overwritten = new Set(result.overwritten);
  const lines = [`Scaffolded ${result.dir}:`];
  for (const file of result.created) lines.push(`  ${overwritten.has(file) ? style.yellow('~') : style.green('+')} ${file}${overwritten.has(file) ? style.dim(' (overwritten)') : ''}`);
  lines.push('', `The CLI comes from ${result.source.spec} (${result.source.kind}).`);
  if (result.githubAction) lines.push(`The GitHub workflows run it with the action ${result.githubAction} (installed from the action's own checkout).`);
  lines.push('', 'Next steps:');
  for (const [index, step] of result.nextSteps.entries()) lines.push(`  ${index + 1}. ${step}`);
  return lines.join('\n');
}

function formatCounts(counts: readonly KindCount[]): string {
  return counts.length === 0 ? 'No objects.' : counts.map(({ configKey, count }) => `${configKey}: ${count}`).join(', ');
}
