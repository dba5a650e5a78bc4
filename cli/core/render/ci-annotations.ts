import type { Diagnostic } from '../diagnostics.js';

/**
 * GitHub Actions workflow commands for diagnostics (`::error file=…,line=…,col=…,title=CODE::message`),
 * which the runner turns into annotations on the pull request's files. `toPath` makes a file path
 * relative to the repository root. Text is escaped as the runner expects, so a config value can
 * never end the command or start another one.
 */
export function renderGithubAnnotations(diagnostics: readonly Diagnostic[], toPath: (file: string) => string): string[] {
  return diagnostics.map((diagnostic) => {
    const command = diagnostic.severity === 'error' ? 'error' : diagnostic.severity === 'warning' ? 'warning' : 'notice';
    const properties: string[] = [];
    if (diagnostic.file) {
      properties.push(`file=${escapeProperty(toPath(diagnostic.file))}`);
      if (diagnostic.line) properties.push(`line=${diagnostic.line}`, `col=${diagnostic.column ?? 1}`);
    }
    properties.push(`title=${escapeProperty(diagnostic.code)}`);
    const message = diagnostic.hint ? `${diagnostic.message}\n${diagnostic.hint}` : diagnostic.message;
    return `::${command} ${properties.join(',')}::${escapeData(message)}`;
  });
}

function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
