import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { buildPlan } from '../../../cli/core/plan/build-plan.js';
import { fingerprintConfig, type FingerprintKey } from '../../../cli/core/plan/fingerprint.js';
import { aDesired, aLive, aSnapshot, aState } from '../../helpers/builders.js';

const target = { url: 'https://acme.conecta.example', isSandbox: false };
const key: FingerprintKey = { salt: 'c2FsdC1vZi10aGUtcGxhbg', credential: 'tok-prod-credential' };
const agent = (password: string) => aDesired('agent', { email: 'ana@acme.com.br', name: 'Ana', initialPassword: password });
const flow = (token: string) => aDesired('flow', { name: 'Consulta', start: 'api', blocks: { api: { type: 'http', method: 'GET', url: 'https://x.example', headers: { Authorization: token }, success: 'fim', error: 'fim' }, fim: { type: 'end' } } });

/** What someone holding only the saved plan file can compute for a guessed password. */
function offlineGuesses(password: string, salt: string): string[] {
  const state = aState([agent(password)]);
  const unsalted = createHash('sha256');
  return [
    fingerprintConfig(state, { salt, credential: '' }),
    fingerprintConfig(state, { salt: '', credential: '' }),
    fingerprintConfig(state, { salt, credential: salt }),
    `sha256:${unsalted.update(JSON.stringify(state.resources.map((resource) => resource.spec))).digest('hex')}`,
  ];
}

describe('plan fingerprints and sensitive values', () => {
  it('cannot be used to confirm a guessed password offline, without the credential', () => {
    const plan = buildPlan(aState([agent('hunter2-pass')]), aSnapshot([]), { target, fingerprintKey: key });
    expect(plan.fingerprints.salt).toBe(key.salt);
    for (const guess of ['wrong-guess', 'hunter2-pass']) expect(offlineGuesses(guess, plan.fingerprints.salt)).not.toContain(plan.fingerprints.config);
    // Whoever holds the credential (and so can read the tenant anyway) recomputes it.
    expect(fingerprintConfig(aState([agent('hunter2-pass')]), key)).toBe(plan.fingerprints.config);
  });

  it('still changes when a secret changes, so apply --plan refuses a plan whose secret moved', () => {
    const before = buildPlan(aState([agent('hunter2-pass')]), aSnapshot([]), { target, fingerprintKey: key });
    const after = buildPlan(aState([agent('hunter3-pass')]), aSnapshot([]), { target, fingerprintKey: key });
    expect(after.fingerprints.config).not.toBe(before.fingerprints.config);
  });

  it('keys the live fingerprints too: a flow header read from the tenant is never hashed as itself', () => {
    const live = aLive('flow', flow('Bearer live-secret').spec);
    const plan = buildPlan(aState([flow('Bearer new-secret')]), aSnapshot([live]), { target, fingerprintKey: key });
    const other = buildPlan(aState([flow('Bearer new-secret')]), aSnapshot([live]), { target, fingerprintKey: { ...key, credential: '' } });
    expect(plan.fingerprints.live['flow.Consulta']).toBeDefined();
    expect(plan.fingerprints.live['flow.Consulta']).not.toBe(other.fingerprints.live['flow.Consulta']);
  });

  it('makes two plans of the same config unlinkable through their salts', () => {
    const first = buildPlan(aState([agent('hunter2-pass')]), aSnapshot([]), { target, fingerprintKey: key });
    const second = buildPlan(aState([agent('hunter2-pass')]), aSnapshot([]), { target, fingerprintKey: { ...key, salt: 'another-salt' } });
    expect(second.fingerprints.config).not.toBe(first.fingerprints.config);
  });
});
