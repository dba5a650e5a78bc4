/**
 * The capture file of `conecta doctor --capture` (written by the Conecta provider's recorder,
 * providers/conecta/capture.ts) and read back by `conecta sandbox --replay`
 * (providers/sandbox/replay.ts). Only the shape is shared here: the sandbox reads the file itself,
 * without the client. docs/capture-format.md describes it for people.
 */

export const CAPTURE_FORMAT = 'conecta-capture';
/** Raised when a reader of an older version could no longer read the file. */
export const CAPTURE_FORMAT_VERSION = 1;

/** What was pseudonymised: people's data only (the default), or configuration names and texts too. */
export type PseudonymScope = 'people' | 'all';

export interface CaptureFile {
  format: typeof CAPTURE_FORMAT;
  formatVersion: typeof CAPTURE_FORMAT_VERSION;
  /** The tool that made the file. */
  tool: { name: string; version: string };
  /** When the capture was made (ISO 8601, UTC). */
  capturedAt: string;
  pseudonymised: PseudonymScope;
  /** Whether the target was the local sandbox; the tenant's address is not recorded. */
  target: { isSandbox: boolean };
  /** Every read answer, in a stable order (path, then query). */
  exchanges: CapturedExchange[];
  /** What the tool could not map to its model (doctor's "Could not map"). */
  notices: { kind: string; name: string; field: string; message: string }[];
  /** Kinds the tenant does not support, with the reason. */
  unsupported: { kind: string; reason: string }[];
  /** When the read failed part-way: the error, and the file holds the answers read until then. */
  failure?: { code: string; message: string };
}

export interface CapturedExchange {
  method: string;
  /** From the tenant's origin: `/api/version`, `/api/v4/campaigns`. */
  path: string;
  query: Record<string, string>;
  status: number;
  /** Only the headers that matter to the tool: content type, rate limits, Retry-After, server. */
  headers: Record<string, string>;
  /** The answer's JSON; absent when the body was not JSON (then `bodyText`). */
  body?: unknown;
  bodyText?: string;
}
