/**
 * Números Bloqueados ⇄ `/blockedNumbers` `{_id, number}`; create and update send `{number}`
 * (szchat-go blocked_number.go). The number arrives normalised (`x-phone`, normalize-phone.ts):
 * digits, country code first, no `+`, whatever spelling the config used.
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
