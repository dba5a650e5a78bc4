/**
 * `conecta apply`: plan (fresh, or a saved plan re-checked against the tenant), show it, get
 * consent, execute it with progress and a run journal, and report. The only place that sequences
 * the I/O of an apply; the command maps the outcome to an exit code.
 */
import { findPlanDrift } from '../core/execute/find-plan-drift.js';
import { executePlan } from '../core/execute/executor.js';
import { countNotApplied } from '../core/execute/render-report.js';
import type { ApplyResult, ExecutionPort } from '../core/execute/types.js';
import { ApplyError, InterruptedError } from '../core/errors.js';
import type { LiveSnapshot } from '../core/model/resource.js';
import { fingerprintLive } from '../core/plan/fingerprint.js';
import { openJournal, readLatestJournal, type PreviousRun } from '../io/journal.js';
import { readPlanFile } from '../io/plan-file.js';
import type { Prompter } from '../io/prompter.js';
import type { Reporter } from '../io/reporter.js';
import type { Provider, ProviderEvent, Redactor } from '../../providers/contract.js';
import { preparePlan, type PreparedPlan } from './prepare-plan.js';
import { resolveTarget, type ResolvedTarget, type ResolveTargetOptions } from './project.js';
import { maskPlan, type MaskedPlan } from '../core/plan/mask-plan.js';
import { findDuplicateKeys, type DuplicateKey } from '../core/plan/find-duplicate-keys.js';
import { findTargetMismatch } from '../core/plan/find-target-mismatch.js';
import { dirname } from 'node:path';
import { lockApplyTarget } from '../io/apply-lock.js';
import { describeLockHolder, type HeldLock } from '../../providers/sandbox/lock-file.js';
import { readDuration } from '../../providers/conecta/settings.js';
import { embeddedSandboxDataFile } from './connect.js';
import type { PlanTarget } from '../core/plan/types.js';

export interface ApplyOptions {
  /** Which environment and config folders (a saved plan records its own environment and folders). */
  targetOptions: ResolveTargetOptions;
  /** A saved plan (`plan --out`) to apply exactly. */
  planFile?: string;
  cwd: string;
  prune?: boolean;
  isAutoApproved: boolean;
  isForced: boolean;
  parallelism: number;
  /** Aborted by the first stop signal (Ctrl-C, SIGTERM, SIGHUP): no new step starts. */
  signal?: AbortSignal;
  /** Asks for consent; a prompter that is not interactive makes an apply without --auto-approve fail. */
  prompter: Prompter;
  /** Receives the plan (before consent), notices, warnings, provider events and every step. */
  reporter: Reporter;
  /** The run's redactor: learns the config's secrets, masks the plan once and every journal line. */
  redactor: Redactor;
}

/** How an apply ended: nothing to do, everything applied, some changes not applied, or stopped by a signal. */
export type ApplyStatus = 'no-changes' | 'applied' | 'incomplete' | 'interrupted';

export interface ApplyOutcome {
  status: ApplyStatus;
  /** Changes that failed, have an unknown outcome, were skipped or did not start. */
  notApplied: number;
  /** The plan as shown: sensitive values and known secrets masked. */
  plan: MaskedPlan;
  result?: ApplyResult;
  journalFile?: string;
  /** After the writes: the kinds that received creates read again (absent when nothing was created or the run was interrupted). */
  duplicateCheck?: DuplicateCheck;
}

export interface DuplicateCheck {
  /** Natural keys held by more than one live object. */
  duplicates: DuplicateKey[];
  /** Why the kinds could not be read again; the duplicates are then unknown. */
  failure?: string;
}

export async function runApply(options: ApplyOptions): Promise<ApplyOutcome> {
  // The target's lock is taken once the target is known, before the tenant is read; it is
  // released on every way out of here (and, for process.exit on a second signal, at exit).
  let lock: HeldLock | undefined;
  const lockTarget = async (target: ResolvedTarget): Promise<void> => {
    lock = await takeApplyLock(target, options);
  };
  try {
    return await applyLocked(options, lockTarget);
  } finally {
    await (lock as HeldLock | undefined)?.release();
  }
}

async function applyLocked(options: ApplyOptions, lockTarget: (target: ResolvedTarget) => Promise<void>): Promise<ApplyOutcome> {
  const { reporter } = options;
  const note = (text: string) => reporter.emit({ type: 'notice', text });
  let forwardProviderEvent: (event: ProviderEvent) => void = (event) => reporter.emit({ type: 'provider', event });
  const previousRun = readLatestJournal(options.cwd);

  const prepared = await prepare(options, (event) => forwardProviderEvent(event), lockTarget);
  const { plan } = prepared;
  const shown = maskPlan(plan, options.redactor);
  try {
    if (prepared.opened.notice) note(prepared.opened.notice);
    for (const warning of prepared.opened.warnings) note(warning);
    if (prepared.diagnostics.length > 0) reporter.emit({ type: 'diagnostics', diagnostics: prepared.diagnostics });
    if (previousRun) {
      const lines = describePreviousRun(previousRun, prepared.snapshot);
      if (lines.length > 0) note(lines.join('\n'));
    }

    reporter.emit({ type: 'plan', plan: shown });
    if (plan.changes.length === 0) return { status: 'no-changes', notApplied: 0, plan: shown };
    if (plan.safety.isUnsafe && !options.isForced) {
      throw new ApplyError('APPLY_UNSAFE_PLAN', `The plan is unsafe:\n${shown.safety.reasons.map((reason) => `  - ${reason}`).join('\n')}`, {
        hint: 'Review the plan; if it is what you want, run again with --force.',
      });
    }
    // A saved plan was reviewed when it was made; a fresh one is reviewed now.
    if (options.planFile === undefined && !options.isAutoApproved) await askConsent(options.prompter);
    if (options.signal?.aborted) throw new InterruptedError('Interrupted before any change was applied.');

    const journal = openJournal(options.cwd, plan, options.redactor);
    forwardProviderEvent = (event) => {
      reporter.emit({ type: 'provider', event });
      if (event.type === 'reconciled') journal.recordReconciled(event);
    };
    reporter.emit({ type: 'apply-started', total: plan.changes.length });
    let result: ApplyResult;
    try {
      result = await executePlan(plan, toExecutionPort(prepared.opened.provider), {
        parallelism: options.parallelism,
        signal: options.signal,
        onEvent: (event) => {
          journal.record(event);
          reporter.emit({ type: 'step', event });
        },
      });
      journal.finish(result.counts, result.isInterrupted);
    } finally {
      reporter.emit({ type: 'apply-finished' });
    }

    const duplicateCheck = result.isInterrupted ? undefined : await checkDuplicatesAfterApply(prepared.opened.provider, result);
    const notApplied = countNotApplied(result);
    const status = result.isInterrupted ? 'interrupted' : notApplied > 0 ? 'incomplete' : 'applied';
    return { status, notApplied, plan: shown, result, journalFile: journal.file, ...(duplicateCheck ? { duplicateCheck } : {}) };
  } finally {
    await prepared.opened.close();
  }
}

/** A fresh plan; with a saved plan, the same plan after checking that nothing it was made from moved. */
async function prepare(options: ApplyOptions, onProviderEvent: (event: ProviderEvent) => void, lockTarget: (target: ResolvedTarget) => Promise<void>): Promise<PreparedPlan> {
  // The client's adaptive limiter bounds requests at the same parallelism as the executor bounds steps.
  const withParallelism = (target: ResolvedTarget): ResolvedTarget => ({ ...target, env: { ...target.env, CONECTA_PARALLELISM: String(options.parallelism) } });
  if (options.planFile === undefined) {
    const target = withParallelism(await resolveTarget(options.targetOptions));
    await lockTarget(target);
    return preparePlan({ target, cwd: options.cwd, prune: options.prune, redactor: options.redactor, onProviderEvent });
  }
  const saved = await readPlanFile(options.planFile);
  // The saved plan names its environment and folders; an --env (or CONECTA_ENV) naming another
  // environment is refused below, and the fingerprints catch any other difference.
  const environment = options.targetOptions.envName || options.targetOptions.env.CONECTA_ENV || saved.plan.target.environment;
  const resolved = await resolveTarget({ ...options.targetOptions, ...(environment === undefined ? {} : { envName: environment }), paths: undefined });
  // Refused before the tenant is even opened when the URL or the environment differ.
  const tenantUrl = resolved.env.CONECTA_URL?.trim() ?? '';
  refuseOtherTarget(options.planFile, saved.plan.target, { url: tenantUrl, isSandbox: tenantUrl === '', ...(resolved.name === 'default' ? {} : { environment: resolved.name }) }, false);
  const target = withParallelism({ ...resolved, layers: saved.layers });
  await lockTarget(target);
  const prepared = await preparePlan({ target, cwd: options.cwd, prune: saved.isPruned, redactor: options.redactor, fingerprintSalt: saved.plan.fingerprints.salt, onProviderEvent });
  try {
    refuseOtherTarget(options.planFile, saved.plan.target, prepared.plan.target, true);
  } catch (error) {
    await prepared.opened.close();
    throw error;
  }
  const drift = findPlanDrift(saved.plan, prepared.plan, prepared.snapshot, (resource) => fingerprintLive(resource, prepared.fingerprintKey));
  if (drift.length > 0) {
    await prepared.opened.close();
    throw new ApplyError('APPLY_STALE_PLAN', `The saved plan ${options.planFile} is stale; nothing was applied:\n${drift.map((line) => `  - ${line}`).join('\n')}`, {
      hint: 'Make and review a new plan (`conecta plan --out …`), or run `conecta apply` for a fresh one.',
    });
  }
  return prepared;
}

/**
 * The lock of the apply's target (a tenant URL, or the embedded sandbox's data file) in the
 * project's `.conecta/locks/`; a stale one taken over is said in a notice.
 */
async function takeApplyLock(target: ResolvedTarget, options: ApplyOptions): Promise<HeldLock> {
  const url = target.env.CONECTA_URL?.trim();
  const lock = await lockApplyTarget({
    dir: target.projectFile === undefined ? options.cwd : dirname(target.projectFile),
    target: url || `the embedded sandbox ${embeddedSandboxDataFile(target.env, options.cwd)}`,
    command: options.redactor.mask(['conecta', ...process.argv.slice(2)].join(' ')),
    // From another host the pid cannot be checked: an apply cannot outlive its deadline.
    staleAfterMs: Math.max(60 * 60_000, 2 * readDuration(target.env, 'CONECTA_DEADLINE', 15 * 60_000)),
  });
  if (lock.tookOver) {
    options.reporter.emit({ type: 'notice', text: `Took over a stale apply lock (${lock.file}): its holder, ${describeLockHolder(lock.tookOver)}, is gone.` });
  }
  return lock;
}

/** A saved plan applies only to the tenant, environment and account it was read from (find-target-mismatch.ts). */
function refuseOtherTarget(planFile: string, saved: PlanTarget, current: PlanTarget, isAccountKnown: boolean): void {
  const mismatches = findTargetMismatch(saved, current, { isAccountKnown });
  if (mismatches.length === 0) return;
  throw new ApplyError('APPLY_PLAN_TARGET_MISMATCH', `The saved plan ${planFile} was made for another target; nothing was applied:\n${mismatches.map((line) => `  - ${line}`).join('\n')}`, {
    hint: 'A saved plan applies only to the tenant, environment and account it was read with: run `conecta apply --plan` with the same --env and credentials as `conecta plan --out`, or make a new plan against this target.',
  });
}

/**
 * Reads again every kind that received a create (a create whose answer was lost may have landed
 * twice) and finds the natural keys held by more than one object: one list read per such kind,
 * nothing when no create was sent.
 */
async function checkDuplicatesAfterApply(provider: Provider, result: ApplyResult): Promise<DuplicateCheck | undefined> {
  const kinds = [...new Set(result.steps.filter((step) => step.action === 'create' && (step.status === 'applied' || step.status === 'failed')).map((step) => step.kind))];
  if (kinds.length === 0) return undefined;
  try {
    const lists = await Promise.all(kinds.map((kind) => provider.list(kind, { isFresh: true })));
    return { duplicates: findDuplicateKeys(lists.flat()) };
  } catch (error) {
    return { duplicates: [], failure: error instanceof Error ? error.message : String(error) };
  }
}

async function askConsent(prompter: Prompter): Promise<void> {
  if (!prompter.isInteractive) {
    throw new ApplyError('APPLY_NEEDS_APPROVAL', prompter.whyNotInteractive ?? 'apply needs approval, and there is no terminal to ask.', {
      hint: 'Review the plan with `conecta plan`, then run `conecta apply --auto-approve` (or save it with `plan --out` and apply it with `apply --plan`).',
    });
  }
  const answer = await prompter.ask('\nDo you want to apply these changes? Only "yes" is accepted.\n  Enter a value: ');
  if (answer !== 'yes') throw new ApplyError('APPLY_CANCELLED', 'Apply cancelled; nothing was changed.');
}

function toExecutionPort(provider: Provider): ExecutionPort {
  return {
    create: (kind, spec) => provider.create(kind, spec),
    update: (kind, id, spec) => provider.update(kind, id, spec),
    delete: (kind, id) => provider.delete(kind, id),
    now: () => performance.now(),
  };
}

/** What the interrupted previous run left in doubt, and what the tenant says about it now. */
function describePreviousRun(previous: PreviousRun, snapshot: LiveSnapshot): string[] {
  if (previous.unfinished.length === 0) return [];
  const live = new Set(snapshot.resources.map((resource) => `${resource.kind}.${resource.name}`.toLowerCase()));
  const count = `${previous.unfinished.length} ${previous.unfinished.length === 1 ? 'step' : 'steps'}`;
  const lines = [`The previous apply (${previous.file}) left ${count} in doubt (in flight when it stopped, or with an unknown outcome):`];
  for (const step of previous.unfinished) {
    if (step.action !== 'create') lines.push(`  - ${step.action} ${step.address}: re-applied by this run if still needed`);
    else if (live.has(step.address.toLowerCase())) lines.push(`  - create ${step.address}: it reached the tenant, so it is matched by name and not created again`);
    else lines.push(`  - create ${step.address}: it did not reach the tenant; this run creates it`);
  }
  return lines;
}
