import { describe, expect, it } from 'vitest';
import { addCredentialVariables, createRedactor, listEncodings } from '../../cli/io/redactor.js';

const CANARY = 'c4n"a\\r/y+%é-Ωmega';

describe('redactor', () => {
  it('masks a secret as written, JSON-escaped, URL-encoded and base64-encoded', () => {
    const redactor = createRedactor([CANARY]);
    const forms = [
      CANARY,
      JSON.stringify(CANARY).slice(1, -1),
      JSON.stringify(JSON.stringify(CANARY).slice(1, -1)).slice(1, -1),
      encodeURIComponent(CANARY),
      new URLSearchParams({ q: CANARY }).toString().slice(2),
      Buffer.from(CANARY).toString('base64'),
      Buffer.from(CANARY).toString('base64url'),
      JSON.stringify(CANARY).slice(1, -1).replace(/[^\x20-\x7e]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`),
    ];
    for (const form of forms) expect(redactor.mask(`before ${form} after`)).toBe('before **** after');
  });

  it('finds a secret inside a longer base64 text at any byte alignment', () => {
    const redactor = createRedactor([CANARY]);
    for (const prefix of ['', 'a', 'ab', 'abc', 'user:']) {
      const encoded = Buffer.from(`${prefix}${CANARY}!tail`).toString('base64');
      const masked = redactor.mask(`Basic ${encoded}`);
      expect(masked).toContain('****');
      // At most the two base64 characters that mix a secret byte with a neighbour stay.
      expect(masked.length).toBeLessThan(`Basic ${encoded}`.length - 16);
    }
  });

  it('masks a secret that travelled JSON-escaped in a body echoed back URL-encoded or base64-encoded', () => {
    const redactor = createRedactor([CANARY]);
    const body = JSON.stringify({ password: CANARY, name: 'x' });
    for (const echoed of [encodeURIComponent(body), new URLSearchParams({ q: body }).toString(), Buffer.from(body).toString('base64'), Buffer.from(`a${body}`).toString('base64url')]) {
      const masked = redactor.mask(echoed);
      expect(masked).toContain('****');
      for (const form of [encodeURIComponent(JSON.stringify(CANARY).slice(1, -1)), CANARY]) expect(masked).not.toContain(form);
    }
  });

  it('ignores values too short to be secrets, and masks the longest secret first', () => {
    const redactor = createRedactor(['abc', 'token-1234', 'token-1234-long']);
    expect(redactor.mask('abc token-1234-long token-1234')).toBe('abc **** ****');
  });

  it('is per run: two redactors never see each other’s secrets', () => {
    const first = createRedactor(['first-secret']);
    const second = createRedactor();
    expect(second.mask('first-secret')).toBe('first-secret');
    expect(first.mask('first-secret')).toBe('****');
  });

  it('learns credential variables (CONECTA_TOKEN*, CI tokens) but not flags or URLs', () => {
    const redactor = createRedactor();
    addCredentialVariables(redactor, { CONECTA_TOKEN_PROD: 'tok-prod-999', GITHUB_TOKEN: 'ghs_abcdef', ACTIONS_STEP_DEBUG: 'true', ACTIONS_RUNTIME_URL: 'https://runtime.example/', HOME: '/home/me' });
    expect(redactor.mask('tok-prod-999 ghs_abcdef true https://runtime.example/ /home/me')).toBe('**** **** true https://runtime.example/ /home/me');
  });

  it('lists no encoding shorter than a secret may be', () => {
    expect(listEncodings('abcd').every((form) => form.length >= 4)).toBe(true);
  });
});
