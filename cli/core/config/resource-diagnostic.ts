import type { Diagnostic, Severity } from '../diagnostics.js';
import type { ErrorCode } from '../error-codes.js';
import type { DesiredResource } from '../model/resource.js';
import type { SpecPath } from '../kinds/schema-walk.js';
import { formatPointer } from '../json-pointer.js';

export interface ResourceProblem {
  code: ErrorCode;
  message: string;
  hint?: string;
  severity?: Severity;
  /** Where in the resource's spec, such as `['teams', 0]`; empty for the object itself. */
  path?: SpecPath;
  related?: Diagnostic['related'];
}

/** A diagnostic located at a resource, or at a value inside it (the loader refines the line). */
export function createResourceDiagnostic(resource: DesiredResource, problem: ResourceProblem): Diagnostic {
  const origin = resource.origin;
  const suffix = formatPointer(problem.path ?? []);
  return {
    code: problem.code,
    severity: problem.severity ?? 'error',
    message: problem.message,
    ...(problem.hint ? { hint: problem.hint } : {}),
    ...(origin ? { file: origin.file, line: origin.line, column: origin.column, ...(origin.pointer === undefined ? {} : { pointer: `${origin.pointer}${suffix}` }) } : {}),
    ...(problem.related ? { related: problem.related } : {}),
  };
}
