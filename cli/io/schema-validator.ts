/**
 * Checks one parsed config file against schema/conecta.schema.json (schema-validators.ts) and
 * turns ajv's errors into diagnostics in plain words, each with a stable code and the JSON
 * pointer of the value (the loader adds line, column and code frame).
 */
import type { ErrorObject } from 'ajv/dist/2020.js';
import { conectaSchema } from '../../schema/generated/schema.js';
import type { Diagnostic } from '../core/diagnostics.js';
import { findKindByConfigKey } from '../core/kinds/registry.js';
import { suggestClosest } from '../core/config/suggest.js';
import { getValidator } from './schema-validators.js';
import { appendPointer, parsePointer } from '../core/json-pointer.js';
import { foldAlias, listAliasNames, type AliasTable } from '../core/normalize/resolve-alias.js';
import { describePhoneMistake } from '../core/normalize/normalize-phone.js';

/** Compiles the schema now, before the first file is checked. */
export function prepareSchemaValidator(): void {
  getValidator('config');
}

export function validateSchema(file: string, document: unknown): Diagnostic[] {
  const validate = getValidator('config');
  if (validate(document)) return [];
  const errors = simplifyAlternatives(validate.errors ?? []);
  const seen = new Set<string>();
  const diagnostics: Diagnostic[] = [];
  for (const error of errors) {
    const diagnostic = describeError(error, file);
    if (!diagnostic) continue;
    const identity = `${diagnostic.code}\u0000${diagnostic.pointer}`;
    if (seen.has(identity)) continue;
    seen.add(identity);
    diagnostics.push(diagnostic);
  }
  return diagnostics;
}

/**
 * `anyOf`/`oneOf` failures report every branch. Keep the errors of the one branch whose type
 * fits the value; when several objects fit, of the one whose keys fit best (fewest missing and
 * unknown keys: a holiday `{date, name}` against a calendar `{calendar, year}`); otherwise keep
 * the single "must be one of" error.
 */
function simplifyAlternatives(errors: ErrorObject[]): ErrorObject[] {
  const removed = new Set<ErrorObject>();
  const alternatives = errors.filter((error) => (error.keyword === 'anyOf' || error.keyword === 'oneOf') && !error.params.passingSchemas).sort((left, right) => left.schemaPath.length - right.schemaPath.length);
  for (const alternative of alternatives) {
    if (removed.has(alternative)) continue;
    const branches = new Map<string, ErrorObject[]>();
    for (const error of errors) {
      const branch = findBranch(alternative, error);
      if (branch === undefined || removed.has(error)) continue;
      if (!branches.has(branch)) branches.set(branch, []);
      branches.get(branch)?.push(error);
    }
    const typed = [...branches.values()].filter((branchErrors) => !branchErrors.some((error) => error.instancePath === alternative.instancePath && (error.keyword === 'type' || error.keyword === 'const')));
    const fitting = typed.length > 1 ? pickBestShape(typed, alternative.instancePath) : typed;
    for (const branchErrors of branches.values()) {
      if (fitting.length === 1 && branchErrors === fitting[0]) continue;
      for (const error of branchErrors) removed.add(error);
    }
    if (fitting.length === 1) removed.add(alternative);
  }
  return errors.filter((error) => !removed.has(error));
}

/**
 * Which branch of `alternative` an error comes from: its schema path runs through the branch, or,
 * for a branch that is a `$ref` (ajv then reports the referenced definition's path), it is the
 * definition's error at or below the alternative's value.
 */
function findBranch(alternative: ErrorObject, error: ErrorObject): string | undefined {
  const prefix = `${alternative.schemaPath}/`;
  if (error.schemaPath.startsWith(prefix)) return error.schemaPath.slice(prefix.length).split('/')[0];
  const isBelow = error.instancePath === alternative.instancePath || error.instancePath.startsWith(`${alternative.instancePath}/`);
  if (!isBelow || error === alternative) return undefined;
  const schemas = Array.isArray(alternative.schema) ? (alternative.schema as { $ref?: unknown }[]) : [];
  const index = schemas.findIndex((branch) => typeof branch.$ref === 'string' && (error.schemaPath === branch.$ref || error.schemaPath.startsWith(`${branch.$ref}/`)));
  return index === -1 ? undefined : String(index);
}

/** The branches whose errors hold the fewest missing or unknown keys of the value itself, if one has fewer than all others. */
function pickBestShape(branches: ErrorObject[][], instancePath: string): ErrorObject[][] {
  const misfits = branches.map((branchErrors) => branchErrors.filter((error) => error.instancePath === instancePath && (error.keyword === 'required' || error.keyword === 'additionalProperties')).length);
  const best = Math.min(...misfits);
  const winners = branches.filter((_, index) => misfits[index] === best);
  return winners.length === 1 ? winners : branches;
}

const TYPE_WORDS: Record<string, string> = {
  integer: 'a whole number', number: 'a number', string: 'text', boolean: '`true` or `false`', array: 'a list', object: 'a map of keys', null: 'empty',
};

const PATTERN_WORDS: [RegExp, string, string][] = [
  [/^\^\\S\(\.\*\\S\)\?\$$/, 'must not be empty nor start or end with spaces', 'Remove the spaces around the value.'],
  [/^\^\[\^\\s\\p\{Cc\}/, 'must not be empty, start or end with spaces, or hold control characters (escape codes, line breaks, bidi overrides)', 'Remove the spaces around the value and any invisible control character (retype the name).'],
  [/^\^\[\^\\s@\]\+@\[\^\\s@\]\+\$$/, 'must be an e-mail address', 'Write it as `name@example.com`.'],
  [/^\^\(\[01\]\\d\|2\[0-3\]\):\[0-5\]\\d\$$/, 'must be a time `HH:MM` between 00:00 and 23:59', 'Quote it and use two digits for hours and minutes, such as "08:00".'],
  [/^\^\(0\[1-9\]\|1\[0-2\]\)-/, 'must be a date `MM-DD`', 'Month first, two digits each, such as "12-25".'],
  [/\\d\+m\)\?\$$/, 'must be a duration in whole minutes, such as `30m` or `1h30m` (Conecta holds this time in minutes, without seconds)', 'Round it to whole minutes and leave out the seconds: write `1m` or `2m` rather than `90s`.'],
  [/\\d\+d\)\?/, 'must be a duration such as `90s`, `15m` or `1h30m`', 'Use whole numbers with the units d, h, m and s, largest first.'],
  [/^\^\[0-9\]\*\$$/, 'must contain only digits', 'Remove anything that is not 0–9.'],
];

const TIME_PATTERN = '^([01]\\d|2[0-3]):[0-5]\\d$';

/** What is wrong with a time that looks like one: hours past 23, minutes past 59, one digit. */
function describeTimeMistake(pattern: string, value: unknown): string | undefined {
  if (pattern !== TIME_PATTERN || typeof value !== 'string') return undefined;
  const match = /^(\d{1,2}):(\d{1,2})$/.exec(value.trim());
  if (!match) return undefined;
  const [hours, minutes] = [Number(match[1]), Number(match[2])];
  if (hours === 24 && minutes === 0) return 'Hours go up to 23:59: write "23:59" for the end of the day (an interval cannot end at 24:00), or "00:00" for midnight at the start.';
  if (hours > 23) return `Hours go up to 23:59; ${value} is not a time of day. An interval that runs past midnight is split in two: one ending at "23:59" and one starting at "00:00".`;
  if (minutes > 59) return 'Minutes go up to 59.';
  return `Use two digits for hours and minutes, in quotes: "${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}".`;
}

/** A duration written as a bare number: the same number with each unit the field allows. */
function describeDurationUnits(amount: number, pattern: string | undefined): string {
  const hasSeconds = pattern === undefined || pattern.includes('s)?');
  return `A duration needs a unit: write \`${amount}m\` for ${amount} minutes${hasSeconds ? `, \`${amount}s\` for seconds` : ''} or \`${amount}h\` for hours.`;
}

/**
 * An unknown key without a value right after a text value: the mark of a comma inside a flow
 * map (`{name: a, b}` reads as `name: a` and a key `b`).
 */
function describeStrayComma(data: unknown, key: string): string | undefined {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return undefined;
  const entries = Object.entries(data as Record<string, unknown>);
  const index = entries.findIndex(([name]) => name === key);
  const previous = entries[index - 1];
  if (index < 1 || entries[index]?.[1] !== null || !previous || typeof previous[1] !== 'string') return undefined;
  return `\`${key}\` has no value: inside \`{…}\` a comma separates keys. If the comma is part of the text, quote it: \`${previous[0]}: "${previous[1]}, ${key}"\`.`;
}

function describeType(value: unknown): string {
  if (value === null) return 'empty';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a map';
  if (typeof value === 'string') return `the text ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  if (typeof value === 'number') return Number.isInteger(value) ? `the number ${value}` : `the number ${value}`;
  return `\`${String(value)}\``;
}

function describeField(instancePath: string): string {
  const segments = parsePointer(instancePath);
  const last = segments[segments.length - 1];
  if (last === undefined) return 'The file';
  if (/^\d+$/.test(last)) {
    const parent = segments[segments.length - 2];
    const info = segments.length === 2 && parent ? findKindByConfigKey(parent) : undefined;
    return info ? `This ${info.kind.replace('-', ' ')}` : `Item ${Number(last) + 1} of \`${parent ?? ''}\``;
  }
  return `\`${last}\``;
}

function describeContainer(instancePath: string): string {
  const field = describeField(instancePath);
  if (field === 'The file') return 'at the top of the file';
  return field.startsWith('This ') ? `in this ${field.slice(5)}` : `in ${field.replace(/^Item/, 'item')}`;
}

function describeError(error: ErrorObject, file: string): Diagnostic | undefined {
  const pointer = error.instancePath;
  const base = { severity: 'error' as const, file, pointer };
  const field = describeField(pointer);
  const parentSchema = (error.parentSchema ?? {}) as { properties?: Record<string, unknown>; enum?: unknown[] };
  switch (error.keyword) {
    case 'additionalProperties': {
      const key = String(error.params.additionalProperty);
      const allowed = Object.keys(parentSchema.properties ?? {});
      const suggestion = suggestClosest(key, allowed);
      const comma = describeStrayComma(error.data, key);
      return { ...base, code: 'CONFIG_UNKNOWN_KEY', pointer: appendPointer(pointer, key), message: `Unknown key \`${key}\` ${describeContainer(pointer)}.`, hint: comma ?? (suggestion ? `Did you mean \`${suggestion}\`?` : `Allowed keys: ${allowed.map((name) => `\`${name}\``).join(', ')}.`) };
    }
    case 'required': {
      const key = String(error.params.missingProperty);
      if (pointer === '' && key === 'version') return undefined;
      return { ...base, code: 'CONFIG_MISSING_KEY', message: `${field} is missing the required key \`${key}\`.`, hint: `Add \`${key}:\` here.` };
    }
    case 'type': {
      const expected = String(error.params.type).split(',').map((type) => TYPE_WORDS[type] ?? type).join(' or ');
      const typeSchema = parentSchema as { 'x-duration'?: boolean; pattern?: string };
      if (typeSchema['x-duration'] === true && typeof error.data === 'number') {
        return { ...base, code: 'CONFIG_TYPE', message: `${field} must be a duration with its unit, such as \`15m\`, not the bare number ${error.data}.`, hint: describeDurationUnits(error.data, typeSchema.pattern) };
      }
      if (error.params.type === 'string' && (typeof error.data === 'number' || typeof error.data === 'boolean')) {
        const key = parsePointer(pointer).at(-1);
        const example = key !== undefined && !/^\d+$/.test(key) ? `\`${key}: "${String(error.data)}"\`` : `\`"${String(error.data)}"\``;
        return { ...base, code: 'CONFIG_TYPE', message: `${field} must be text, not ${describeType(error.data)}.`, hint: `Unquoted, YAML reads it as ${typeof error.data === 'number' ? 'a number' : '`true`/`false`'}: quote it as you wrote it, such as ${example}.` };
      }
      return { ...base, code: 'CONFIG_TYPE', message: `${field} must be ${expected}, not ${describeType(error.data)}.`, hint: error.params.type === 'string' ? 'Quote the value to make it text.' : `Write ${expected} here.` };
    }
    case 'enum':
    case 'const': {
      const allowed = error.keyword === 'enum' ? (error.params.allowedValues as unknown[]) : [error.params.allowedValue];
      const suggestion = typeof error.data === 'string' ? suggestClosest(error.data, allowed.map(String)) : undefined;
      return { ...base, code: 'CONFIG_ENUM', message: `${field} must be ${allowed.length === 1 ? '' : 'one of '}${allowed.map((value) => `\`${String(value)}\``).join(', ')}, not ${describeType(error.data)}.`, hint: suggestion ? `Did you mean \`${suggestion}\`?` : 'Use one of the values listed.' };
    }
    case 'pattern': {
      if ((error as { propertyName?: string }).propertyName !== undefined) return undefined;
      const aliases = (error.parentSchema as { 'x-aliases'?: AliasTable } | undefined)?.['x-aliases'];
      if (aliases) return describeAliasError(base, field, aliases, error.data);
      const pattern = String(error.params.pattern);
      const words = PATTERN_WORDS.find(([matcher]) => matcher.test(pattern));
      const phoneHint = (error.parentSchema as { 'x-phone'?: boolean } | undefined)?.['x-phone'] === true ? describePhoneMistake(error.data) : undefined;
      const hint = phoneHint ?? describeTimeMistake(pattern, error.data) ?? (typeof error.data === 'string' && /^\d+$/.test(error.data) && (error.parentSchema as { 'x-duration'?: boolean } | undefined)?.['x-duration'] === true ? describeDurationUnits(Number(error.data), pattern) : undefined);
      // The schema's own words (what editors show) when this table has none: never a raw regular expression.
      const described = (error.parentSchema as { patternErrorMessage?: string } | undefined)?.patternErrorMessage;
      const expected = words ? words[1] : described ? `must be ${described.charAt(0).toLowerCase()}${described.slice(1).replace(/\.$/, '')}` : `must match ${pattern}`;
      return { ...base, code: 'CONFIG_FORMAT', message: `${field} ${expected}; got ${describeType(error.data)}.`, hint: hint ?? words?.[2] ?? 'Check the format described in the schema.' };
    }
    case 'propertyNames':
      return { ...base, code: 'CONFIG_INVALID_KEY', pointer: appendPointer(pointer, String(error.params.propertyName)), message: `The key \`${String(error.params.propertyName)}\` ${describeContainer(pointer)} is not a valid name.`, hint: 'Use letters, digits, `_` and `-`, starting with a letter.' };
    case 'uniqueItems': {
      const index = Math.max(Number(error.params.i), Number(error.params.j));
      const item = Array.isArray(error.data) ? error.data[index] : undefined;
      return { ...base, code: 'CONFIG_DUPLICATE_ITEM', pointer: `${pointer}/${index}`, message: `${field} lists ${describeType(item)} twice.`, hint: 'Remove the repeated item.' };
    }
    case 'minLength': case 'maxLength': case 'minItems': case 'maxItems': case 'minProperties': case 'maxProperties': case 'minimum': case 'maximum': case 'exclusiveMinimum': case 'exclusiveMaximum':
      return { ...base, code: 'CONFIG_RANGE', message: `${field} ${describeLimit(error)}.`, hint: 'Change the value to fit the limit.' };
    case 'if':
      // The failing `then` branch is reported on its own; "must match then schema" adds nothing.
      return undefined;
    case 'discriminator': {
      const branches = ((error.parentSchema ?? {}) as { oneOf?: { $ref?: string }[] }).oneOf ?? [];
      const types = branches.map((branch) => resolveBlockType(branch.$ref)).filter((type): type is string => type !== undefined);
      const given = typeof (error.data as { type?: unknown } | null)?.type === 'string' ? String((error.data as { type: string }).type) : undefined;
      const suggestion = given ? suggestClosest(given, types) : undefined;
      return { ...base, code: 'CONFIG_ENUM', pointer: `${pointer}/type`, message: `${field} has ${given ? `the unknown type \`${given}\`` : 'no `type`'}; it must be one of ${types.map((type) => `\`${type}\``).join(', ')}.`, hint: suggestion ? `Did you mean \`${suggestion}\`?` : 'Set `type:` to one of the block types (docs/flows.md).' };
    }
    case 'anyOf': case 'oneOf':
      return { ...base, code: 'CONFIG_SCHEMA', message: `${field} does not have any of the accepted shapes (${describeType(error.data)} given).`, hint: 'See the description of this key in the schema (`conecta schema`).' };
    default:
      return { ...base, code: 'CONFIG_SCHEMA', message: `${field} ${error.message ?? 'is not valid'}.`, hint: 'See the description of this key in the schema (`conecta schema`).' };
  }
}

/** A value that names none of the aliased values (a weekday such as `quatra`): the canonical values, the aliases and the closest name. */
function describeAliasError(base: { severity: 'error'; file: string; pointer: string }, field: string, aliases: AliasTable, value: unknown): Diagnostic {
  const canonical = Object.keys(aliases);
  const others = Object.values(aliases).map((names) => names[0]).filter((name): name is string => name !== undefined);
  const names = listAliasNames(aliases);
  const folded = new Map(names.map((name) => [foldAlias(name), name]));
  const closest = typeof value === 'string' ? suggestClosest(foldAlias(value), folded.keys()) : undefined;
  const suggestion = closest === undefined ? undefined : folded.get(closest);
  return {
    ...base, code: 'CONFIG_ENUM',
    message: `${field} must be one of ${canonical.map((name) => `\`${name}\``).join(', ')} or one of their other names, such as ${others.map((name) => `\`${name}\``).join(', ')}, not ${describeType(value)}.`,
    hint: suggestion ? `Did you mean \`${suggestion}\`?` : 'Use one of the values listed.',
  };
}

function resolveBlockType(ref: string | undefined): string | undefined {
  const definitions = (conectaSchema as unknown as { $defs: Record<string, { properties?: { type?: { const?: unknown } } }> }).$defs;
  const type = ref ? definitions[ref.replace('#/$defs/', '')]?.properties?.type?.const : undefined;
  return typeof type === 'string' ? type : undefined;
}

function describeLimit(error: ErrorObject): string {
  const limit = Number(error.params.limit);
  switch (error.keyword) {
    case 'minLength': return limit === 1 ? 'must not be empty' : `must be at least ${limit} characters long`;
    case 'maxLength': return `must be at most ${limit} characters long`;
    case 'minItems': return limit === 1 ? 'must list at least one item' : `must list at least ${limit} items`;
    case 'maxItems': return `must list at most ${limit} items`;
    case 'minProperties': return limit === 1 ? 'must not be empty' : `must have at least ${limit} keys`;
    case 'maxProperties': return `must have at most ${limit} keys`;
    case 'minimum': return `must be at least ${limit}`;
    case 'maximum': return `must be at most ${limit}`;
    case 'exclusiveMinimum': return `must be more than ${limit}`;
    default: return `must be less than ${limit}`;
  }
}

