import { describe, expect, it } from 'vitest';
import { createAjv, defineValidator, VALIDATOR_NAMES } from '../../cli/io/schema-validators.js';

/** The schema with one more keyword on the team's `closingMessage` property. */
function withKeyword(schema: object, keyword: string): object {
  const copy = structuredClone(schema) as { $defs: Record<string, { properties?: Record<string, Record<string, unknown>> }> };
  const team = Object.values(copy.$defs).find((definition) => definition.properties?.closingMessage);
  if (!team?.properties?.closingMessage) throw new Error('the schema has no closingMessage property to decorate');
  team.properties.closingMessage[keyword] = true;
  return copy;
}

describe('schema validators', () => {
  it.each(VALIDATOR_NAMES)('compiles the %s schema in strict mode', (name) => {
    const definition = defineValidator(name);
    expect(definition.options.strict).toBe(true);
    expect(() => createAjv(definition).compile(definition.schema)).not.toThrow();
  });

  it('refuses a misspelled custom keyword instead of ignoring it', () => {
    const definition = defineValidator('config');
    expect(() => createAjv(definition).compile(withKeyword(definition.schema, 'x-sensitive'))).not.toThrow();
    expect(() => createAjv(definition).compile(withKeyword(definition.schema, 'x-sensitve'))).toThrow(/unknown keyword: "x-sensitve"/);
  });
});
