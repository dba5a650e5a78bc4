/**
 * Campos Adicionais ⇄ `/contacts/fields` (szchat-go contact_field.go): `{_id, name, description,
 * identifier, required, confidential, encrypted, allow_search, description_agent, validation,
 * conditional, total_characters}`. That client reads the list as a bare array; a paginated
 * answer is read too (pagination.ts takes both shapes). `total_characters` is a string on the wire.
 */
import type { Spec } from '../../../cli/core/model/resource.js';
import type { KindMapper } from './types.js';
import { readBoolean, readString, specString } from './wire-values.js';

const FLAGS: Record<string, string> = {
  identifier: 'identifier', required: 'required', confidential: 'confidential', encrypted: 'encrypted',
  searchable: 'allow_search', showDescriptionToAgent: 'description_agent',
};
const LENGTH_OPS = new Set(['>=', '<=', '<>', '=']);

export const contactFieldMapper: KindMapper = {
  kind: 'contact-field',
  endpoints: ['/contacts/fields'],
  refersTo: [],
  readOnlyKeys: [],
  wireKeyField: 'name',
  nameOfWire: (wire) => readString(wire, 'name') || undefined,
  endpointOf: () => '/contacts/fields',
  toSpec: (wire, context) => {
    const spec: Spec = { name: readString(wire, 'name'), description: readString(wire, 'description'), validation: readString(wire, 'validation') };
    for (const [model, flag] of Object.entries(FLAGS)) spec[model] = readBoolean(wire, flag);
    const op = readString(wire, 'conditional');
    const total = readString(wire, 'total_characters');
    if (op !== '' || total !== '') {
      const value = Number(total);
      if (LENGTH_OPS.has(op) && total !== '' && Number.isInteger(value) && value >= 0) spec.lengthRule = { op, value };
      else context.notice('lengthRule', `length rule "${op} ${total}" is unknown to this tool`);
    }
    return spec;
  },
  toWire: (spec) => {
    const rule = spec.lengthRule !== null && typeof spec.lengthRule === 'object' && !Array.isArray(spec.lengthRule) ? spec.lengthRule : undefined;
    return {
      name: specString(spec, 'name'),
      description: specString(spec, 'description'),
      ...Object.fromEntries(Object.entries(FLAGS).map(([model, flag]) => [flag, spec[model] === true])),
      validation: specString(spec, 'validation'),
      conditional: rule ? String(rule.op) : '',
      total_characters: rule ? String(rule.value) : '',
    };
  },
};
