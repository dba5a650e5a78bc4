/**
 * Whether a saved plan belongs to the target `apply --plan` is about to write to: the same tenant
 * URL (the embedded sandbox listens on a new port each run, so its URL is not compared; its
 * account id, kept in its data file, is), the same environment of conecta.yaml, and the same
 * account (`GET /auth/me`: id and e-mail). A plan protects the account it was read with, and its
 * changes were computed from that tenant's objects: applied elsewhere it would write to the wrong
 * tenant or drop that protection. Each difference is one line naming the saved and current value.
 */
import type { PlanAccount, PlanTarget } from './types.js';

export interface TargetMismatchOptions {
  /** False before the tenant was asked who we are (the URL and environment are known earlier). */
  isAccountKnown: boolean;
}

export function findTargetMismatch(saved: PlanTarget, current: PlanTarget, options: TargetMismatchOptions = { isAccountKnown: true }): string[] {
  const mismatches: string[] = [];
  if (saved.isSandbox !== current.isSandbox || (!saved.isSandbox && normalizeUrl(saved.url) !== normalizeUrl(current.url))) {
    mismatches.push(`target: saved ${describePlace(saved)}, now ${describePlace(current)}`);
  }
  if (saved.environment !== current.environment) {
    mismatches.push(`environment: saved ${describeEnvironment(saved.environment)}, now ${describeEnvironment(current.environment)}`);
  }
  if (options.isAccountKnown && !isSameAccount(saved.account, current.account)) {
    mismatches.push(`account: saved ${describeAccount(saved.account)}, now ${describeAccount(current.account)}`);
  }
  return mismatches;
}

function isSameAccount(saved: PlanAccount | undefined, current: PlanAccount | undefined): boolean {
  if (saved === undefined || current === undefined) return saved === current;
  if (saved.email.toLowerCase() !== current.email.toLowerCase()) return false;
  // An id on one side only (a tenant that stopped or started sending `_id`) is a difference too.
  return saved.id === current.id;
}

/** Scheme and host are case-insensitive, a trailing slash is not part of the tenant's address. */
function normalizeUrl(url: string): string {
  const match = /^([a-z][a-z0-9+.-]*:\/\/[^/?#]*)(.*)$/i.exec(url.trim());
  const origin = (match?.[1] ?? url).toLowerCase();
  return `${origin}${(match?.[2] ?? '').replace(/\/+$/, '')}`;
}

function describePlace(target: PlanTarget): string {
  return target.isSandbox ? 'the embedded local sandbox' : target.url;
}

function describeEnvironment(environment: string | undefined): string {
  return environment === undefined ? '(none: no environment of conecta.yaml)' : environment;
}

function describeAccount(account: PlanAccount | undefined): string {
  if (account === undefined) return '(the tenant did not say)';
  return account.id === undefined ? account.email : `${account.email} (id ${account.id})`;
}
