/**
 * Saved plans (`plan --out plan.json`): the masked plan in the `--json` format plus what it was
 * made from — the config layers (relative to the plan file, so a plan made in one checkout
 * applies in another), the target (`target`: URL, environment and the account read with, which
 * `apply --plan` requires to be the same) and whether `--prune` was given. `apply --plan` re-reads the config and the tenant, checks the fingerprints and
 * recomputes the plan, so masked values are all it needs.
 */
import { readFile } from 'node:fs/promises';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { PlanError } from '../core/errors.js';
import type { MaskedPlan } from '../core/plan/mask-plan.js';
import { PLAN_FORMAT_VERSION, type Plan } from '../core/plan/types.js';
import { toPlanJson } from '../core/render/plan-json.js';
import { writeFileAtomically } from './write-file-atomic.js';

export const PLAN_FILE_INVALID = 'PLAN_FILE_INVALID';

export interface SavedPlan {
  plan: Plan;
  /** The config layers (base folders, then overlays), absolute. */
  layers: string[][];
  /** Whether the plan was made with `--prune`. */
  isPruned: boolean;
}

export interface PlanSource {
  layers: readonly (readonly string[])[];
  isPruned: boolean;
}

/** Layer paths are resolved against `cwd`; the file is written atomically. */
export async function writePlanFile(file: string, plan: MaskedPlan, source: PlanSource, cwd: string): Promise<void> {
  const target = resolve(cwd, file);
  const base = dirname(target);
  const layers = source.layers.map((layer) => layer.map((path) => toPortable(relative(base, resolve(cwd, path)) || '.')));
  const content = `${JSON.stringify({ ...toPlanJson(plan), layers, prune: source.isPruned }, null, 2)}\n`;
  await writeFileAtomically(target, content);
}

export async function readPlanFile(file: string): Promise<SavedPlan> {
  const target = resolve(file);
  let text: string;
  try {
    text = await readFile(target, 'utf8');
  } catch (error) {
    throw invalid(`Cannot read the plan file ${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'it does not exist' : (error as Error).message}.`, error);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw invalid(`${file} is not a plan file: it is not valid JSON.`, error);
  }
  if (!isObject(data) || !('formatVersion' in data)) throw invalid(`${file} is not a plan file saved by \`conecta plan --out\`.`);
  if (data.formatVersion !== PLAN_FORMAT_VERSION) {
    throw invalid(`${file} has plan format version ${JSON.stringify(data.formatVersion)}; this conecta reads version ${PLAN_FORMAT_VERSION}.`);
  }
  const problem = findShapeProblem(data);
  if (problem) throw invalid(`${file} is not a valid plan file: ${problem}.`);
  const { layers, prune, ...plan } = data as unknown as Plan & { layers: string[][]; prune: boolean };
  const base = dirname(target);
  return { plan: plan as Plan, layers: layers.map((layer) => layer.map((path) => (isAbsolute(path) ? path : resolve(base, path)))), isPruned: prune };
}

function findShapeProblem(data: Record<string, unknown>): string | undefined {
  const isLayer = (layer: unknown) => Array.isArray(layer) && layer.length > 0 && layer.every((path) => typeof path === 'string');
  if (!Array.isArray(data.layers) || data.layers.length === 0 || !data.layers.every(isLayer)) return '`layers` must list the config folders';
  if (typeof data.prune !== 'boolean') return '`prune` must be true or false';
  if (!isObject(data.target) || typeof data.target.url !== 'string') return '`target.url` is missing';
  if (typeof data.target.isSandbox !== 'boolean') return '`target.isSandbox` must be true or false';
  if (data.target.environment !== undefined && typeof data.target.environment !== 'string') return '`target.environment` must be text';
  const { account } = data.target;
  if (account !== undefined && (!isObject(account) || typeof account.email !== 'string' || (account.id !== undefined && typeof account.id !== 'string'))) return '`target.account` must hold an `email` (and an `id`) as text';
  if (!Array.isArray(data.changes)) return '`changes` must be a list';
  if (!isObject(data.fingerprints) || typeof data.fingerprints.config !== 'string' || !isObject(data.fingerprints.live)) return '`fingerprints` is missing';
  if (typeof data.fingerprints.salt !== 'string') return '`fingerprints.salt` is missing (the plan was saved by an older conecta)';
  if (!isObject(data.summary) || !isObject(data.safety) || !Array.isArray(data.unmanaged)) return '`summary`, `safety` or `unmanaged` is missing';
  return undefined;
}

function invalid(message: string, cause?: unknown): PlanError {
  return new PlanError(PLAN_FILE_INVALID, message, { hint: 'Make a new plan with `conecta plan --out <file>`.', cause });
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function toPortable(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/');
}
