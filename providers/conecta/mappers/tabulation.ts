/**
 * Tabulações ⇄ `/tabulations` `{_id, name}`; create and update send `{name}` only
 * (szchat-go tabulation.go, tabulationRequest).
 */
import type { KindMapper } from './types.js';
import { readString, specString } from './wire-values.js';

export const tabulationMapper: KindMapper = {
  kind: 'tabulation',
  endpoints: ['/tabulations'],
  refersTo: [],
  readOnlyKeys: [],
  wireKeyField: 'name',
  nameOfWire: (wire) => readString(wire, 'name') || undefined,
  endpointOf: () => '/tabulations',
  toSpec: (wire) => ({ name: readString(wire, 'name') }),
  toWire: (spec) => ({ name: specString(spec, 'name') }),
  // No name filter is known for /tabulations: a lookup reads the whole list.
};
