/**
 * Phone numbers (`x-phone` in the schema, such as a blocked number): written as people write them —
 * a leading `+`, spaces, dashes, dots, parentheses (`+55 (11) 99999-0000`, `55 11 99999.0000`) —
 * and compared, keyed, sent and exported in one canonical form: digits only, country code first,
 * no `+` (E.164 without the plus, `5511999990000`), 8 to 15 digits, not starting with 0. The
 * schema's `pattern` for such a field is PHONE_PATTERN, written by `npm run schema:write`, so that
 * what the schema (and an editor) accepts is exactly what normalisation turns into that form.
 */

/**
 * Digits with the separators people put in a phone number (a `+` may open it, `(+55) …` too).
 * Linear time: the separator runs and the digits never compete for the same character.
 */
const SPELLING = /^[ ()+.-]*[0-9][0-9 ().-]*$/;

/**
 * Digits 8 to 15, the first not 0; before the first digit up to two spaces or `(`, an optional `+`
 * and up to two more, between digits up to three separators, after the last up to two spaces or `)`.
 * Every repetition ends on a digit and separators are bounded, so no input makes it backtrack
 * more than a constant per character (test/security/schema-patterns.test.ts).
 */
export const PHONE_PATTERN = '^[ (]{0,2}\\+?[ (]{0,2}[1-9](?:[ ().-]{0,3}[0-9]){7,14}[ )]{0,2}$';

/** `+55 (11) 99999-0000` → `5511999990000`; a text with anything else (letters) is returned unchanged. */
export function normalizePhone(text: string): string {
  return SPELLING.test(text) ? text.replace(/\D/g, '') : text;
}

/** Why a value is not a phone number the schema accepts, and what to write instead; undefined when it is one. */
export function describePhoneMistake(value: unknown): string | undefined {
  const example = '`+55 11 99999-0000` or `5511999990000`';
  if (typeof value !== 'string') return `Write the number as text with its country code, such as ${example}.`;
  if (new RegExp(PHONE_PATTERN).test(value)) return undefined;
  const digits = normalizePhone(value);
  if (!/^\d+$/.test(digits)) return `Use digits, with a leading \`+\`, spaces, dashes, dots or parentheses if you like, such as ${example}; nothing else.`;
  if (digits.startsWith('0')) {
    const national = digits.replace(/^0+/, '');
    return `A leading 0 is a trunk prefix for calls inside the country; write the country code instead (55 for Brazil), such as \`55${national}\`.`;
  }
  return `It has ${digits.length} digit${digits.length === 1 ? '' : 's'}; a number with its country code has 8 to 15, such as ${example}.`;
}
