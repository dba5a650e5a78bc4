/**
 * The plan: the machine form that `plan --json` prints, `plan --out` saves, `apply` executes and
 * every human view is rendered from. In memory it holds real values; `maskPlan` replaces
 * sensitive values before anything leaves the process.
 */
import type { JsonValue, Kind, ResourceAddress, Spec, UnsupportedKind } from '../model/resource.js';

export const PLAN_FORMAT_VERSION = 1;

export type ChangeAction = 'create' | 'update' | 'delete';

/** One field that differs. `path` is dotted (`waitTimeout.redirectTo`, `blocks.menu.options`). */
export interface FieldChange {
  path: string;
  before?: JsonValue;
  after?: JsonValue;
  /** Set when the value is sensitive: `before`/`after` are then absent from any output. */
  isSensitive?: boolean;
  /** Set for free texts (`x-text`, multi-line flow messages): shown as a line diff. */
  isText?: boolean;
}

/**
 * What a step does to the object's references when a cycle had to be broken. Creates: first
 * without the deferrable references, then a `#references` step sets them. Deletes of objects
 * that refer to each other: a `#references` step first removes the references, then the deletes.
 */
export type ChangePhase = 'create-without-deferred-references' | 'set-deferred-references' | 'remove-references-before-delete';

export interface Change {
  /** Unique step id: the address, plus `#references` for a reference step (`phase` says which). */
  id: string;
  address: ResourceAddress;
  kind: Kind;
  name: string;
  action: ChangeAction;
  /** The live object's vendor id (updates and deletes). */
  liveId?: string;
  /** The live name before a rename (`renamedFrom`). */
  renamedFrom?: string;
  /**
   * Renames: the live objects that refer to this one, by kind. They follow the rename without a
   * change of their own (references are ids on the wire).
   */
  referencedBy?: ReferrerCount[];
  phase?: ChangePhase;
  /** The live spec (updates, deletes). */
  before?: Spec;
  /** The spec to write (creates, updates). */
  after?: Spec;
  /** Field-level differences (all fields for a create). */
  fields: FieldChange[];
  /** Ids of the steps that must succeed before this one. */
  dependsOn: string[];
  /** Dependency level: 0 has no dependency within the plan. */
  level: number;
  /** Flows only: the change block by block (added, removed, changed, edges rewired). */
  blocks?: FlowBlockChanges;
  /** What the change does beyond its own object, typed: deletes say whether anything still uses the object. */
  impact?: ChangeImpact;
  /** The impact in words, for people ("2 agents are in this team"): derived from `impact` (describeImpact). */
  consent: string[];
}

/**
 * The judgement a change carries. A delete of an object that live objects still refer to lists
 * them by kind and field (`isMembership`: agents in a team, administrators in a user group).
 */
export type ChangeImpact =
  | { type: 'deletes-unreferenced' }
  | { type: 'deletes-in-use'; dependents: DependentGroup[] };

export interface DependentGroup {
  kind: Kind;
  /** The top-level field of the dependents that holds the reference. */
  field: string;
  count: number;
  isMembership: boolean;
}

/** A step that only sets or removes the references of an object whose own step is elsewhere in the plan. */
export function isReferenceStep(change: Pick<Change, 'phase'>): boolean {
  return change.phase === 'set-deferred-references' || change.phase === 'remove-references-before-delete';
}

/** A flow's change at block level, so reviewers see blocks and edges instead of one blob. */
export interface FlowBlockChanges {
  added: string[];
  removed: string[];
  /** Blocks whose parameters changed, with their field changes (paths relative to the block). */
  changed: { id: string; fields: FieldChange[] }[];
  /** Edges whose target changed: `edge` is a dotted path inside the block (`next`, `options.1.next`, `else`). */
  rewired: { id: string; edge: string; before?: string; after?: string }[];
  /** The new start block, when it changed. */
  start?: { before?: string; after?: string };
}

export interface ReferrerCount {
  kind: Kind;
  count: number;
}

export interface UnmanagedResource {
  address: ResourceAddress;
  kind: Kind;
  name: string;
}

export interface PlanSafety {
  isUnsafe: boolean;
  /** Why, such as "deletes or updates 40 % of teams (4 of 10); more than 30 % needs --force". */
  reasons: string[];
}

export interface PlanSummary {
  create: number;
  update: number;
  delete: number;
  unmanaged: number;
}

export interface PlanFingerprints {
  /** The random salt of the keyed digests of sensitive values (fingerprint.ts); never a secret. */
  salt: string;
  /** Hash of the resolved desired state (sensitive values as keyed digests, so it changes when a secret does). */
  config: string;
  /** Hash per live object the plan touches or depends on, by address. */
  live: Record<ResourceAddress, string>;
}

export interface PlanTarget {
  url: string;
  isSandbox: boolean;
  /** The environment of conecta.yaml the plan was made for, if any. */
  environment?: string;
  /** The account the plan was read with (`GET /auth/me`), when the tenant said: a saved plan applies only with it. */
  account?: PlanAccount;
}

export interface PlanAccount {
  /** The account's vendor id (`_id`), when the tenant gave one. */
  id?: string;
  email: string;
}

export interface Plan {
  formatVersion: typeof PLAN_FORMAT_VERSION;
  target: PlanTarget;
  /** In apply order. */
  changes: Change[];
  unmanaged: UnmanagedResource[];
  safety: PlanSafety;
  summary: PlanSummary;
  fingerprints: PlanFingerprints;
  /** Kinds left out because the tenant cannot manage them. */
  unsupported: UnsupportedKind[];
  warnings: string[];
}
