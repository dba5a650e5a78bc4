/**
 * The plain model the engine works on. A resource is one object of one kind, identified by its
 * natural key; its `spec` is the normalised, plain-JSON shape of the schema's definition for the
 * kind (schema/generated/types.ts), with references written as names (e-mails for people).
 */
import type { Kind } from '../../../schema/generated/kinds.js';

/** Every kind, generated from the `x-kind` entries of schema/conecta.schema.json. */
export type { Kind };

/** `<kind>.<name>`, such as `team.SAC` or `agent.maria@acme.com.br`. */
export type ResourceAddress = string;

/** A JSON value as it appears in a spec. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** A resource's fields, in model terms. */
export type Spec = { [key: string]: JsonValue };

/** A JSON object (not an array, not null). */
export function isJsonObject(value: JsonValue | undefined): value is { [key: string]: JsonValue } {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Where something was written in the user's YAML. Lines and columns start at 1. */
export interface SourceLocation {
  file: string;
  line: number;
  column: number;
  /** JSON pointer of the object inside its file, such as `/teams/0`. */
  pointer?: string;
}

/** An object as the config describes it. */
export interface DesiredResource {
  kind: Kind;
  /** The display name: the name, the e-mail, or `<list>/<word>` for word filters. */
  name: string;
  /** The identity used to match live objects (case-folded where the vendor ignores case). */
  key: string;
  spec: Spec;
  /** The natural key the live object had before a rename. */
  renamedFrom?: string;
  origin?: SourceLocation;
}

/** An object as the tenant has it. */
export interface LiveResource {
  kind: Kind;
  name: string;
  key: string;
  /** The vendor's id; opaque to the engine. */
  id: string;
  spec: Spec;
}

export type PrunePolicy = Partial<Record<Kind, boolean>>;

export interface DesiredState {
  resources: DesiredResource[];
  /** Kinds whose live objects missing from the config are planned as deletes. */
  prune: PrunePolicy;
  /**
   * The kinds the config declares (its key, such as `teams:`, appears, even with an empty list).
   * Only these are managed: references to other kinds are resolved against the tenant, and prune
   * applies to declared kinds only. Absent: every kind is declared.
   */
  declaredKinds?: Kind[];
}

export interface UnsupportedKind {
  kind: Kind;
  reason: string;
}

export interface LiveSnapshot {
  resources: LiveResource[];
  /** Kinds the tenant cannot manage (for example no flow endpoint); they are left out of the plan. */
  unsupported: UnsupportedKind[];
}

export function formatAddress(kind: Kind, name: string): ResourceAddress {
  return `${kind}.${name}`;
}
