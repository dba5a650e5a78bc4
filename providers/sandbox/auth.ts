// Bearer tokens: one static API token that never expires, plus random tokens issued by
// login and refresh, kept in memory, optionally expiring after `tokenTtlMs`.
//
// [INF] As with Laravel jwt-auth's refresh window, GET /auth/refresh accepts an issued token
// even after it expired and answers a new one; the old token stays usable until its own expiry.

import { randomBytes } from 'node:crypto';

export type TokenState = 'valid' | 'expired' | 'unknown';

export class TokenRegistry {
  private readonly issued = new Map<string, number>();

  constructor(
    private readonly staticToken: string,
    private readonly ttlMs: number,
    private readonly nowMs: () => number,
  ) {}

  issue(): string {
    const token = randomBytes(24).toString('base64url');
    this.issued.set(token, this.ttlMs > 0 ? this.nowMs() + this.ttlMs : Number.POSITIVE_INFINITY);
    return token;
  }

  state(token: string | undefined): TokenState {
    if (token === undefined || token === '') return 'unknown';
    if (token === this.staticToken) return 'valid';
    const expires = this.issued.get(token);
    if (expires === undefined) return 'unknown';
    return this.nowMs() < expires ? 'valid' : 'expired';
  }

  revoke(token: string): void {
    this.issued.delete(token);
  }
}

/** The token of an `Authorization: Bearer …` header, if any. */
export function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match?.[1];
}
