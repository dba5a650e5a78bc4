/**
 * The run's redactor: the secret values one run knows (token, password, the values of sensitive
 * fields, the `${env:}` values they were made from, tokens the tenant hands out) and `mask`, which
 * replaces them in any text. A secret is matched in every form it may travel in: as written or
 * JSON-escaped (also with `\uXXXX` escapes), each also URL-encoded (component and form encoding)
 * and base64 (standard and URL-safe, at each of the three byte alignments, so a secret inside a
 * longer base64 string such as a Basic credential or an echoed request body is found too).
 * Created by the command, passed down.
 */
import { isSecretVariable } from '../core/config/credential-variables.js';
import type { Redactor } from '../../providers/contract.js';

export type { Redactor } from '../../providers/contract.js';

export const MASK = '****';
/** Shorter values are not treated as secrets: masking "abc" everywhere would garble every text. */
export const MIN_SECRET_LENGTH = 4;
/** A base64 fragment shorter than this says too little to be worth masking (and matches by chance). */
const MIN_BASE64_FRAGMENT = 8;

export function createRedactor(initial: Iterable<string | undefined> = []): Redactor {
  const secrets = new Set<string>();
  let patterns: string[] = [];
  const redactor: Redactor = {
    add(secret) {
      if (secret === undefined || secret.length < MIN_SECRET_LENGTH || secrets.has(secret)) return;
      secrets.add(secret);
      const all = new Set(patterns);
      for (const form of listEncodings(secret)) all.add(form);
      // Longest first, so a secret that contains another is masked whole.
      patterns = [...all].sort((left, right) => right.length - left.length);
    },
    mask(text) {
      let masked = text;
      for (const pattern of patterns) if (masked.includes(pattern)) masked = masked.split(pattern).join(MASK);
      return masked;
    },
  };
  for (const secret of initial) redactor.add(secret);
  return redactor;
}

/**
 * The forms a secret can take in an output or a file: as written or JSON-escaped (plain, with
 * `\uXXXX` escapes, or twice), and each of those as it is, URL-encoded or base64-encoded (a
 * request body that carried the secret JSON-escaped, echoed back by a server URL- or
 * base64-encoded, holds it in that form).
 */
export function listEncodings(secret: string): string[] {
  const json = JSON.stringify(secret).slice(1, -1);
  const texts = new Set([secret, json, escapeJsonUnicode(json), JSON.stringify(json).slice(1, -1)]);
  const forms = new Set<string>();
  for (const text of texts) {
    forms.add(text);
    forms.add(encodeURIComponent(text));
    forms.add(encodeURI(text));
    forms.add(new URLSearchParams({ s: text }).toString().slice(2));
    for (const fragment of listBase64Fragments(Buffer.from(text, 'utf8'))) forms.add(fragment);
  }
  return [...forms].filter((form) => form.length >= MIN_SECRET_LENGTH);
}

/** `\uXXXX` for every non-ASCII character and `<`, `>`, `&` (Go's and some servers' JSON). */
function escapeJsonUnicode(json: string): string {
  return json.replace(/[^\x20-\x7e]|[<>&]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * The base64 characters that depend only on the secret's bytes, for the secret starting at each
 * offset modulo 3 of a longer byte string, in standard and URL-safe alphabets.
 */
function listBase64Fragments(bytes: Buffer): string[] {
  const fragments: string[] = [];
  for (let offset = 0; offset < 3; offset += 1) {
    const padded = Buffer.concat([Buffer.alloc(offset), bytes]);
    const encoded = padded.toString('base64');
    // Groups of 3 bytes made only of the secret's bytes: from the first whole group after the
    // padding to the last whole group inside the secret.
    const start = offset === 0 ? 0 : 4;
    const end = Math.floor(padded.length / 3) * 4;
    const fragment = offset === 0 ? encoded.replace(/=+$/, '') : encoded.slice(start, end);
    if (fragment.length < MIN_BASE64_FRAGMENT) continue;
    fragments.push(fragment, fragment.replace(/\+/g, '-').replace(/\//g, '_'));
    if (offset === 0) fragments.push(encoded, encoded.replace(/\+/g, '-').replace(/\//g, '_'), encoded.slice(0, end));
  }
  return fragments;
}

/** Adds the value of every credential variable of `env` (CONECTA_TOKEN*, GITHUB_TOKEN…). */
export function addCredentialVariables(redactor: Redactor, env: Record<string, string | undefined>): void {
  for (const [name, value] of Object.entries(env)) {
    if (!isSecretVariable(name)) continue;
    redactor.add(value);
    redactor.add(value?.trim());
  }
}
