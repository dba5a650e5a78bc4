import { describe, expect, it } from 'vitest';
import { findTargetMismatch } from '../../../cli/core/plan/find-target-mismatch.js';
import type { PlanTarget } from '../../../cli/core/plan/types.js';

const prod: PlanTarget = { url: 'https://acme.conecta.com.vc', isSandbox: false, environment: 'prod', account: { id: '64b000000000000000000001', email: 'ci@acme.com.br' } };

describe('findTargetMismatch (a saved plan belongs to one target)', () => {
  it.each<[string, PlanTarget]>([
    ['the same target', prod],
    ['the URL with another case in the host and a trailing slash', { ...prod, url: 'https://ACME.conecta.com.vc/' }],
    ['the account e-mail in another case', { ...prod, account: { id: '64b000000000000000000001', email: 'CI@acme.com.br' } }],
  ])('finds nothing for %s', (_name, current) => {
    expect(findTargetMismatch(prod, current)).toEqual([]);
  });

  it.each<[string, PlanTarget, RegExp]>([
    ['another tenant URL', { ...prod, url: 'https://other.conecta.com.vc' }, /^target: saved https:\/\/acme\.conecta\.com\.vc, now https:\/\/other\.conecta\.com\.vc$/],
    ['another path on the same host', { ...prod, url: 'https://acme.conecta.com.vc/staging' }, /^target: saved/],
    ['the embedded sandbox instead of the tenant', { ...prod, url: 'http://127.0.0.1:40111', isSandbox: true }, /^target: saved https:\/\/acme\.conecta\.com\.vc, now the embedded local sandbox$/],
    ['another environment', { ...prod, environment: 'staging' }, /^environment: saved prod, now staging$/],
    ['no environment', { ...prod, environment: undefined }, /^environment: saved prod, now \(none/],
    ['another account id', { ...prod, account: { id: '64b000000000000000000002', email: 'ci@acme.com.br' } }, /^account: saved ci@acme\.com\.br \(id 64b0+1\), now ci@acme\.com\.br \(id 64b0+2\)$/],
    ['another account e-mail', { ...prod, account: { id: '64b000000000000000000001', email: 'ana@acme.com.br' } }, /^account: saved ci@acme\.com\.br .*, now ana@acme\.com\.br/],
    ['an account the tenant no longer names', { ...prod, account: undefined }, /^account: .*now \(the tenant did not say\)$/],
    ['an id the tenant did not give before', { ...prod, account: { email: 'ci@acme.com.br' } }, /^account: /],
  ])('names %s, saved and current', (_name, current, line) => {
    const mismatches = findTargetMismatch(prod, current);
    expect(mismatches).toHaveLength(1);
    expect(mismatches[0]).toMatch(line);
  });

  it('does not compare the embedded sandbox URL (a new port each run), only its account', () => {
    const saved: PlanTarget = { url: 'http://127.0.0.1:40111', isSandbox: true, account: { id: 'aaa', email: 'admin@sandbox.local' } };
    expect(findTargetMismatch(saved, { ...saved, url: 'http://127.0.0.1:40999' })).toEqual([]);
    expect(findTargetMismatch(saved, { ...saved, url: 'http://127.0.0.1:40999', account: { id: 'bbb', email: 'admin@sandbox.local' } })).toEqual(['account: saved admin@sandbox.local (id aaa), now admin@sandbox.local (id bbb)']);
  });

  it('leaves the account out until the tenant was asked, and lists every difference at once', () => {
    const current: PlanTarget = { url: 'https://other.conecta.com.vc', isSandbox: false, environment: 'staging' };
    expect(findTargetMismatch(prod, current, { isAccountKnown: false })).toHaveLength(2);
    expect(findTargetMismatch(prod, current)).toHaveLength(3);
  });
});
