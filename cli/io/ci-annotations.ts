/**
 * Annotations for the CI the CLI runs in. Under GitHub Actions (GITHUB_ACTIONS=true) every
 * diagnostic of validate, plan and the other config-loading commands, and every error, is also
 * written to stderr as a workflow command, so the runner shows it on the pull request's files.
 * GitLab has no such log syntax: there the located `file:line:col severity CODE message` lines of
 * the normal output stand. The wrapped reporter still writes everything it wrote before.
 */
import { isAbsolute, relative, resolve, sep } from 'node:path';
import type { Diagnostic } from '../core/diagnostics.js';
import { ConectaError, ConfigError } from '../core/errors.js';
import { renderGithubAnnotations } from '../core/render/ci-annotations.js';
import { neutralizeControlChars } from '../core/render/escape.js';
import type { Mask, Reporter } from './reporter.js';

export type CiAnnotations = 'github';

/** Which annotations the environment asks for. */
export function detectCiAnnotations(env: NodeJS.ProcessEnv): CiAnnotations | undefined {
  return env.GITHUB_ACTIONS === 'true' ? 'github' : undefined;
}

/** A file path as the repository names it: relative to GITHUB_WORKSPACE (or `cwd`), with `/`. */
export function toRepositoryPath(file: string, cwd: string, workspace: string | undefined): string {
  const path = relative(workspace || cwd, resolve(cwd, file));
  return path.startsWith('..') || isAbsolute(path) ? file : path.split(sep).join('/');
}

export function withGithubAnnotations(reporter: Reporter, options: { stderr: { write(text: string): unknown }; mask: Mask; toPath: (file: string) => string }): Reporter {
  const annotate = (diagnostics: readonly Diagnostic[]) => {
    for (const line of renderGithubAnnotations(diagnostics, options.toPath)) options.stderr.write(`${options.mask(neutralizeControlChars(line))}\n`);
  };
  return {
    emit(event) {
      reporter.emit(event);
      if (event.type === 'diagnostics') annotate(event.diagnostics);
    },
    result(result) {
      reporter.result(result);
      if (result.command === 'validate') annotate(result.result.diagnostics);
    },
    error(error, details) {
      reporter.error(error, details);
      if (error instanceof ConfigError) annotate(error.diagnostics);
      else if (error instanceof ConectaError) annotate([{ code: error.code, severity: 'error', message: error.message, ...(error.hint ? { hint: error.hint } : {}) }]);
    },
  };
}
