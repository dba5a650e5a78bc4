/**
 * Números Bloqueados ⇄ `/blockedNumbers` `{_id, number}`; create and update send `{number}`
 * (szchat-go blocked_number.go). The number is written as the config has it: digits, country
 * code first (the schema refuses any other form).
 */
import type { KindMapper } from './types.js';
import { readString, specString } from './wire-values.js';

export const blockedNumberMapper: KindMapper = {
  kind: 'blocked-number',
  endpoints: ['/blockedNumbers'],
  refersTo: [],
  readOnlyKeys: [],
  wireKeyField: 'number',
  nameOfWire: (wire) => readString(wire, 'number') || undefined,
  endpointOf: () => '/blockedNumbers',
  toSpec: (wire) => ({ number: readString(wire, 'number') }),
  toWire: (spec) => ({ number: specString(spec, 'number') }),
};
