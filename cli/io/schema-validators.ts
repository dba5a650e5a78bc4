/**
 * The two JSON Schema validators: config files (schema/conecta.schema.json) and the project file
 * (schema/project.schema.json), each with its ajv options declared once, here.
 *
 * From the sources (tests, dist/ modules) they are compiled by ajv on first use. The CLI bundle
 * (scripts/build.mjs) replaces this module with ajv's standalone code generated at build time from
 * these same definitions, so the installed CLI never compiles a schema when it starts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020, type Options, type ValidateFunction } from 'ajv/dist/2020.js';
import { conectaSchema } from '../../schema/generated/schema.js';
import { findPackageRoot } from './project-file.js';

export interface ValidatorDefinition {
  schema: object;
  options: Options;
  /** Annotation keywords the schema uses that ajv should accept and ignore. */
  vocabulary: string[];
}

export type ValidatorName = 'config' | 'project';

export const VALIDATOR_NAMES: readonly ValidatorName[] = ['config', 'project'];

export function defineValidator(name: ValidatorName): ValidatorDefinition {
  if (name === 'config') {
    return {
      schema: conectaSchema as object,
      // Strict: an unknown keyword (a misspelled `x-sensitive`) is a compile error. Not strictRequired:
      // the discriminator needs `required: [type]` beside its `oneOf`, and `if`/`then` name properties
      // declared by the enclosing object, both standard JSON Schema. Union types are used on purpose.
      options: { allErrors: true, verbose: true, strict: true, strictRequired: false, allowUnionTypes: true, discriminator: true },
      vocabulary: ['x-ref', 'x-deferrable', 'x-sensitive', 'x-set', 'x-text', 'x-duration', 'x-kind', 'x-key', 'x-key-case-insensitive', 'x-plural', 'x-ui-label', 'x-order', 'x-edge', 'x-ref-prefixed', 'x-aliases', 'x-phone', 'patternErrorMessage', 'markdownDescription', 'x-expand'],
    };
  }
  return {
    schema: JSON.parse(readFileSync(join(findPackageRoot(), 'schema', 'project.schema.json'), 'utf8')) as object,
    options: { allErrors: true, verbose: true, strict: true, allowUnionTypes: true },
    vocabulary: ['patternErrorMessage', 'markdownDescription'],
  };
}

/** An ajv instance set up for the definition (`extra` adds options, such as standalone code). */
export function createAjv(definition: ValidatorDefinition, extra: Options = {}): Ajv2020 {
  const ajv = new Ajv2020({ ...definition.options, ...extra });
  if (definition.vocabulary.length > 0) ajv.addVocabulary(definition.vocabulary);
  return ajv;
}

const compiled = new Map<ValidatorName, ValidateFunction>();

export function getValidator(name: ValidatorName): ValidateFunction {
  let validate = compiled.get(name);
  if (!validate) {
    const definition = defineValidator(name);
    validate = createAjv(definition).compile(definition.schema);
    compiled.set(name, validate);
  }
  return validate;
}
