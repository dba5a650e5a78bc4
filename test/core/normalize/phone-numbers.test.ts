import { describe, expect, test } from 'vitest';
import { getKindSchema } from '../../../cli/core/kinds/schema-walk.js';
import { describePhoneMistake, normalizePhone, PHONE_PATTERN } from '../../../cli/core/normalize/normalize-phone.js';
import { normalizeSpec } from '../../../cli/core/normalize/normalize-spec.js';
import { resolveDesiredState } from '../../../cli/core/config/resolve-state.js';
import { validateDesiredState } from '../../../cli/core/config/validate-state.js';
import { buildPlan } from '../../../cli/core/plan/build-plan.js';
import { shapeSpec } from '../../../cli/core/export/shape-spec.js';
import { validateSchema } from '../../../cli/io/schema-validator.js';
import { aLive, aSnapshot, sandboxTarget } from '../../helpers/builders.js';

const numberNode = getKindSchema('blocked-number').properties!.number!;
const pattern = new RegExp(String(numberNode.pattern));

const spellings: [string, string][] = [
  ['5511999990000', '5511999990000'],
  ['+5511999990000', '5511999990000'],
  ['+55 (11) 99999-0000', '5511999990000'],
  ['55 11 99999.0000', '5511999990000'],
  ['+55 11 99999-0000', '5511999990000'],
  ['(+55) 11 9999-0000', '551199990000'],
  ['+1 (415) 555-0100', '14155550100'],
  ['+1-415-555-0100', '14155550100'],
  ['12345678', '12345678'],
  ['123456789012345', '123456789012345'],
  [' +55 11 99999 0000 ', '5511999990000'],
];

const refusals: [string, string][] = [
  ['011 99999-0000', 'A leading 0 is a trunk prefix for calls inside the country; write the country code instead (55 for Brazil), such as `5511999990000`.'],
  ['+0 11 99999-0000', 'A leading 0 is a trunk prefix for calls inside the country; write the country code instead (55 for Brazil), such as `5511999990000`.'],
  ['+55 11', 'It has 4 digits; a number with its country code has 8 to 15, such as `+55 11 99999-0000` or `5511999990000`.'],
  ['1234567', 'It has 7 digits; a number with its country code has 8 to 15, such as `+55 11 99999-0000` or `5511999990000`.'],
  ['1234567890123456', 'It has 16 digits; a number with its country code has 8 to 15, such as `+55 11 99999-0000` or `5511999990000`.'],
  ['+55 11 9999O-0000', 'Use digits, with a leading `+`, spaces, dashes, dots or parentheses if you like, such as `+55 11 99999-0000` or `5511999990000`; nothing else.'],
  ['55+11999990000', 'Use digits, with a leading `+`, spaces, dashes, dots or parentheses if you like, such as `+55 11 99999-0000` or `5511999990000`; nothing else.'],
  ['55/11/99999/0000', 'Use digits, with a leading `+`, spaces, dashes, dots or parentheses if you like, such as `+55 11 99999-0000` or `5511999990000`; nothing else.'],
  ['', 'Use digits, with a leading `+`, spaces, dashes, dots or parentheses if you like, such as `+55 11 99999-0000` or `5511999990000`; nothing else.'],
];

function parsed(numbers: string[]) {
  return [{ file: 'blocked.yaml', value: { version: 1, blockedNumbers: numbers.map((number) => ({ number })) }, positions: Object.fromEntries(numbers.map((_, index): [string, [number, number]] => [`/blockedNumbers/${index}`, [3 + index, 5]])) }];
}

describe('phone numbers (x-phone)', () => {
  test.each(spellings)('the schema accepts %j and normalisation reads it as %s', (spelling, canonical) => {
    expect(pattern.test(spelling)).toBe(true);
    expect(normalizePhone(spelling)).toBe(canonical);
    expect(describePhoneMistake(spelling)).toBeUndefined();
    expect(normalizeSpec('blocked-number', { number: spelling })).toEqual({ number: canonical });
  });

  test.each(refusals)('the schema refuses %j, with a hint', (text, hint) => {
    expect(pattern.test(text)).toBe(false);
    expect(describePhoneMistake(text)).toBe(hint);
    expect(validateSchema('blocked.yaml', { version: 1, blockedNumbers: [{ number: text }] })).toEqual([expect.objectContaining({ code: 'CONFIG_FORMAT', pointer: '/blockedNumbers/0/number', hint })]);
  });

  test('a text that is not a phone spelling is left as written (the schema reports it)', () => {
    expect(normalizePhone('+55 11 9999O-0000')).toBe('+55 11 9999O-0000');
    expect(normalizePhone('ramal 12')).toBe('ramal 12');
  });

  test('the schema pattern is the one of normalize-phone.ts (npm run schema:write)', () => {
    expect(numberNode['x-phone']).toBe(true);
    expect(numberNode.pattern).toBe(PHONE_PATTERN);
  });

  test('the natural key and the address name are the canonical digits', () => {
    const { state } = resolveDesiredState(parsed(['+55 (11) 99999-0000']));
    expect(state.resources).toMatchObject([{ kind: 'blocked-number', name: '5511999990000', key: '5511999990000', spec: { number: '+55 (11) 99999-0000' } }]);
  });

  test('two spellings of one number are a duplicate, reported at the second', () => {
    const { state } = resolveDesiredState(parsed(['+55 (11) 99999-0000', '55 11 99999.0000', '5511999990001']));
    expect(validateDesiredState(state)).toEqual([expect.objectContaining({
      code: 'CONFIG_DUPLICATE_NAME', file: 'blocked.yaml', line: 4,
      message: 'The blocked number `5511999990000` is defined twice (written `+55 (11) 99999-0000` and `55 11 99999.0000`).',
      related: [expect.objectContaining({ message: 'first defined here', line: 3 })],
    })]);
  });

  test('plans nothing when the config spells the number the tenant holds in another way, and creates the digits', () => {
    const { state } = resolveDesiredState(parsed(['+55 (11) 99999-0000']));
    expect(buildPlan(state, aSnapshot([aLive('blocked-number', { number: '5511999990000' })]), { target: sandboxTarget }).changes).toEqual([]);
    const created = buildPlan(state, aSnapshot([]), { target: sandboxTarget }).changes;
    expect(created).toMatchObject([{ action: 'create', name: '5511999990000', after: { number: '5511999990000' } }]);
  });

  test('export writes the canonical digits', () => {
    expect(shapeSpec('blocked-number', { number: '+55 11 99999-0000' }, '5511999990000', new Set()).spec).toEqual({ number: '5511999990000' });
  });
});
