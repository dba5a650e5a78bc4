/**
 * Grupo de Contatos ⇄ `/contacts/groups` `{_id, nameGroup, opt_in}`; create and update send
 * `{nameGroup}` only (szchat-go contact_group.go, contactGroupRequest). `opt_in` is the server's.
 */
import type { KindMapper } from './types.js';
import { readString, specString } from './wire-values.js';

export const contactGroupMapper: KindMapper = {
  kind: 'contact-group',
  endpoints: ['/contacts/groups'],
  refersTo: [],
  readOnlyKeys: ['opt_in'],
  wireKeyField: 'nameGroup',
  nameOfWire: (wire) => readString(wire, 'nameGroup') || undefined,
  endpointOf: () => '/contacts/groups',
  toSpec: (wire) => ({ name: readString(wire, 'nameGroup') }),
  toWire: (spec) => ({ nameGroup: specString(spec, 'name') }),
  // No name filter is known for /contacts/groups: a lookup reads the whole list.
};
