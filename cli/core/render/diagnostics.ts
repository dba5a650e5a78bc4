import type { Diagnostic } from '../diagnostics.js';
import type { Style } from './style.js';

/** `file:line:col  error  CODE  message`, the code frame, related places and the hint. */
export function renderDiagnostics(diagnostics: readonly Diagnostic[], style: Style): string {
  const blocks = diagnostics.map((diagnostic) => {
    const where = diagnostic.file ? `${diagnostic.file}${diagnostic.line ? `:${diagnostic.line}:${diagnostic.column ?? 1}` : ''}` : '(config)';
    const severity = diagnostic.severity === 'error' ? style.red('error') : diagnostic.severity === 'warning' ? style.yellow('warning') : style.cyan('notice');
    const lines = [`${style.bold(where)} ${severity} ${style.dim(diagnostic.code)} ${diagnostic.message}`];
    if (diagnostic.frame) lines.push(diagnostic.frame.replace(/^/gm, '  '));
    for (const related of diagnostic.related ?? []) lines.push(`  ${style.dim(`${related.file}:${related.line}:${related.column}`)} ${related.message}`);
    if (diagnostic.hint) lines.push(`  ${style.cyan('hint:')} ${diagnostic.hint}`);
    return lines.join('\n');
  });
  const errors = diagnostics.filter((diagnostic) => diagnostic.severity === 'error').length;
  const warnings = diagnostics.filter((diagnostic) => diagnostic.severity === 'warning').length;
  const notices = diagnostics.length - errors - warnings;
  const counts = [`${errors} error${errors === 1 ? '' : 's'}`, ...(warnings > 0 ? [`${warnings} warning${warnings === 1 ? '' : 's'}`] : []), ...(notices > 0 ? [`${notices} notice${notices === 1 ? '' : 's'}`] : [])];
  return `${blocks.join('\n\n')}\n\n${counts.join(', ')}\n`;
}
