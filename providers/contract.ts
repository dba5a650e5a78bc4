/**
 * The port the engine talks to, in model terms. Implementations keep every vendor name, id and
 * envelope to themselves: the engine sees kinds, names and specs (references by name).
 */
import type { Kind, LiveResource, Spec, UnsupportedKind } from '../cli/core/model/resource.js';

export interface TargetInfo {
  /** The tenant's base URL, or the sandbox's loopback URL. */
  url: string;
  /** True when this is the embedded local sandbox rather than a real tenant. */
  isSandbox: boolean;
}

export interface ProviderDescription extends TargetInfo {
  /** What `GET /api/version` answered (`unknown` when it did not say). */
  apiVersion: string;
  /** Set when that answer is not the expected 4 or 4.x (or missing): the run goes on, and commands show it as a notice. */
  apiVersionWarning?: string;
  /** Kinds this tenant cannot manage, with the reason (for example no flow endpoint). */
  unsupported: UnsupportedKind[];
  /** The account the provider is signed in as (`GET /auth/me`), when the tenant says. */
  account?: ProviderAccount;
}

export interface ProviderAccount {
  /** Its vendor id (`_id` of `/auth/me`), when the tenant says. */
  id?: string;
  name: string;
  email: string;
  /** `admin` or `agent`, as the tenant reports it. */
  role: string;
  /** The vendor id of its user group (`groupId` of `/auth/me`), when the tenant says. */
  userGroupId?: string;
}

/** A live value the provider could not express in model terms (unknown enum string, unmappable range…). */
export interface ProviderNotice {
  kind: Kind;
  /** The object's display name. */
  name: string;
  /** The model field concerned. */
  field: string;
  message: string;
}

/** Observations a provider reports while it works (retries, rate-limit waits, verbose request lines). */
export type ProviderEvent =
  | { type: 'request'; method: string; path: string; status: number | undefined; durationMs: number }
  | { type: 'retry'; method: string; path: string; attempt: number; delayMs: number; reason: string }
  | { type: 'rate-limited'; waitMs: number; concurrency: number }
  | { type: 'reconciled'; kind: Kind; name: string; how: string };

/**
 * Masks the run's secret values in text that leaves the process. The command creates one per run
 * (cli/io/redactor.ts) and passes it down; the provider adds the credentials and tokens it learns
 * and masks what the server echoes. Nothing about secrets is module-level state.
 */
export interface Redactor {
  /** Registers a secret (too-short values are ignored: masking them would garble every text). */
  add(secret: string | undefined): void;
  /** `text` with every registered secret, in every encoding it might travel in, replaced by `****`. */
  mask(text: string): string;
}

export interface ListOptions {
  /** Read the tenant again instead of the list fetched earlier in this run (the check after an apply). */
  isFresh?: boolean;
}

export interface Provider {
  readonly target: TargetInfo;
  /** Probes the tenant (version, auth) and says which kinds it supports. */
  describe(): Promise<ProviderDescription>;
  /**
   * Every object of a kind, all pages, with references resolved to names. Lists of the kinds
   * it refers to are fetched once per provider and shared; never a GET per object.
   */
  list(kind: Kind, options?: ListOptions): Promise<LiveResource[]>;
  /**
   * Creates an object. Never creates a duplicate: after an ambiguous failure or a duplicate-name
   * answer it looks the object up by natural key and returns it (then updates it to `spec`).
   */
  create(kind: Kind, spec: Spec): Promise<LiveResource>;
  /** Replaces the object's managed fields with `spec`. */
  update(kind: Kind, id: string, spec: Spec): Promise<LiveResource>;
  delete(kind: Kind, id: string): Promise<void>;
  /** What the lists fetched so far held that could not be mapped to the model (deduplicated). */
  notices(): ProviderNotice[];
  /** Releases connections. */
  close(): Promise<void>;
}

/**
 * One answer the HTTP client received, as it arrived (nothing masked yet): handed to an
 * injected recorder (`conecta doctor --capture`). The request's own headers and body are never
 * part of it, so a credential sent to the tenant cannot reach a recorder.
 */
export interface RecordedExchange {
  method: string;
  /** The path from the tenant's origin, without the tenant's base path: `/api/v4/campaigns`, `/api/version`. */
  path: string;
  /** The query string's parameters, as sent. */
  query: Record<string, string>;
  status: number;
  /** The answer's headers, names in lower case. */
  headers: Record<string, string | string[] | undefined>;
  /** The answer's body as text. */
  text: string;
}

/** Receives every answer the HTTP client reads (the capture of `conecta doctor --capture`). */
export interface ExchangeRecorder {
  record(exchange: RecordedExchange): void;
}
