/**
 * What the executor needs from the world (its port) and what it gives back (events and a result).
 * The executor is the one core module with effects, and it has them only through this port.
 */
import type { Kind, ResourceAddress, Spec } from '../model/resource.js';
import type { Change, ChangeAction, ChangePhase } from '../plan/types.js';

export interface ExecutionPort {
  /** Creates the object and returns its vendor id (the provider reconciles ambiguous creates by natural key). */
  create(kind: Kind, spec: Spec): Promise<{ id: string }>;
  update(kind: Kind, id: string, spec: Spec): Promise<unknown>;
  delete(kind: Kind, id: string): Promise<void>;
  /** A monotonic clock in milliseconds, for step durations. */
  now(): number;
}

/**
 * `unknown`: a create failed ambiguously and its object did not appear within the settle window;
 * it was not sent again, and the next plan shows whether it landed.
 */
export type StepStatus = 'applied' | 'failed' | 'unknown' | 'skipped' | 'not-started';

export interface StepResult {
  /** The plan's step id (`team.SAC`, `flow.Main#references`). */
  id: string;
  address: ResourceAddress;
  kind: Kind;
  name: string;
  action: ChangeAction;
  phase?: ChangePhase;
  level: number;
  status: StepStatus;
  /** The object's vendor id after the step (applied creates and updates, deletes). */
  liveId?: string;
  /** Time the step took, applied, failed and unknown steps only. */
  durationMs?: number;
  /** Failed and unknown steps: the API's code and message. */
  error?: { code: string; message: string };
  /** Skipped steps: the id of the failed step that caused the skip. */
  skippedBecause?: string;
}

export interface ApplyCounts {
  applied: number;
  failed: number;
  /** Creates whose outcome is unknown (never sent twice; the next plan reconciles them). */
  unknown: number;
  skipped: number;
  notStarted: number;
}

export interface ApplyResult {
  /** One entry per change of the plan, in plan order. */
  steps: StepResult[];
  counts: ApplyCounts;
  /** True when the run was stopped by its abort signal (Ctrl-C). */
  isInterrupted: boolean;
  durationMs: number;
}

export type ExecutionEvent =
  | { type: 'step-started'; id: string; address: ResourceAddress; action: ChangeAction; level: number }
  /** Emitted once per step: applied and failed as they finish, skipped as soon as a dependency failed, not-started at the end. */
  | { type: 'step-finished'; step: StepResult };

export interface ExecutionOptions {
  /** How many steps may run at once (at least 1). */
  parallelism: number;
  /** Once aborted, no new step starts; steps in flight finish. */
  signal?: AbortSignal;
  onEvent?: (event: ExecutionEvent) => void;
}

/** The steps of a plan, as the executor sees them. */
export type ExecutableChange = Pick<Change, 'id' | 'address' | 'kind' | 'name' | 'action' | 'liveId' | 'phase' | 'after' | 'dependsOn' | 'level'>;
