import type { ErrorCode } from './error-codes.js';

/** A located problem in the user's config. Validation collects these before reporting. */
/** `notice`: information that needs no action (a reference that plan checks against the tenant). */
export type Severity = 'error' | 'warning' | 'notice';

export interface Diagnostic {
  /** A stable code such as `CONFIG_UNKNOWN_KEY` or `SCHEMA_TYPE`. */
  code: ErrorCode;
  severity: Severity;
  message: string;
  /** What to do about it. */
  hint?: string;
  file?: string;
  line?: number;
  column?: number;
  /** JSON pointer of the value inside its file, such as `/teams/0/name`. */
  pointer?: string;
  /** Other places involved (the first definition of a duplicate, for example). */
  related?: { message: string; file: string; line: number; column: number }[];
  /** A few lines of the file around the problem, with a caret; filled in by the reader. */
  frame?: string;
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((diagnostic) => diagnostic.severity === 'error');
}
