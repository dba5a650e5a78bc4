/**
 * Reads the schema's annotations so that every per-field concern lives in the schema:
 * `x-ref` (a reference to another kind, by name), `x-ref-prefixed` (one when the text starts with a prefix), `x-deferrable` (a reference that may be set
 * by a later update, which breaks reference cycles), `x-sensitive` (never shown or saved),
 * `x-set` (a list compared without regard to order), `x-text` (free text), `x-duration`, `x-phone` (a phone number),
 * `x-aliases` (other names of a value, such as Portuguese weekdays) and `default` (the server default, filled in on both sides before comparing).
 */
import { conectaSchema } from '../../../schema/generated/schema.js';
import type { JsonValue, Kind, Spec } from '../model/resource.js';
import { getKindInfo } from './registry.js';

export interface SchemaNode {
  type?: string | string[];
  $ref?: string;
  properties?: Record<string, SchemaNode>;
  additionalProperties?: boolean | SchemaNode;
  items?: SchemaNode;
  oneOf?: SchemaNode[];
  anyOf?: SchemaNode[];
  const?: JsonValue;
  enum?: JsonValue[];
  default?: JsonValue;
  description?: string;
  required?: string[];
  writeOnly?: boolean;
  'x-ref'?: Kind;
  /** A text that refers to an object of `kind` when it starts with `prefix` (`contact.cpf` → contact field `cpf`). */
  'x-ref-prefixed'?: { prefix: string; kind: Kind };
  'x-deferrable'?: boolean;
  'x-sensitive'?: boolean;
  'x-set'?: boolean;
  'x-text'?: boolean;
  'x-duration'?: boolean;
  /** A phone number, written with `+`, spaces, dashes, dots or parentheses and compared as its digits (normalize-phone.ts). */
  'x-phone'?: boolean;
  /** Other names of the values (canonical value → names), resolved by normalisation (resolve-alias.ts). */
  'x-aliases'?: Record<string, string[]>;
  /** A list item that normalisation replaces with the items it stands for (`holiday-calendar`). */
  'x-expand'?: string;
  'x-kind'?: Kind;
  [keyword: string]: unknown;
}

export type SpecPath = (string | number)[];

/** The value at `path` inside `root`; undefined when the path leaves the objects and lists. */
export function getAtPath(root: JsonValue | undefined, path: readonly (string | number)[]): JsonValue | undefined {
  let current = root;
  for (const step of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, JsonValue>)[step];
  }
  return current;
}

/** Sets the value at `path` inside `root`, whose parent must exist. */
export function setAtPath(root: JsonValue, path: readonly (string | number)[], value: JsonValue): void {
  (getAtPath(root, path.slice(0, -1)) as Record<string | number, JsonValue>)[path[path.length - 1]!] = value;
}

export interface Reference {
  kind: Kind;
  name: string;
  path: SpecPath;
  /** The reference may be left out at create and set by a later update. */
  isDeferrable: boolean;
}

const root = conectaSchema as unknown as SchemaNode & { $defs: Record<string, SchemaNode> };

export function resolveSchemaNode(node: SchemaNode): SchemaNode {
  let current = node;
  while (current.$ref) {
    const name = current.$ref.replace('#/$defs/', '');
    const target = root.$defs[name];
    if (!target) throw new Error(`schema: unresolved ${current.$ref}`);
    current = target;
  }
  return current;
}

/** The values a string node allows, in the schema's order: its `enum`, or the canonical names of its `x-aliases` (weekdays). */
export function listVocabulary(node: SchemaNode | undefined): string[] {
  if (!node) return [];
  const resolved = resolveSchemaNode(node);
  return Array.isArray(resolved.enum) ? resolved.enum.map(String) : Object.keys(resolved['x-aliases'] ?? {});
}

export function getDefinition(name: string): SchemaNode {
  const node = root.$defs[name];
  if (!node) throw new Error(`schema: no definition ${name}`);
  return node;
}

/** The schema of one object of `kind` (word filters: one word, `{list, word}`). */
export function getKindSchema(kind: Kind): SchemaNode {
  if (kind === 'word-filter') return wordFilterSchema;
  return getDefinition(getKindInfo(kind).definition);
}

/** The lists of word filters (`agentBlocked`, `noFlowStart`), in the order of their `$defs` entry. */
export const wordFilterLists: readonly string[] = Object.keys(getDefinition(getKindInfo('word-filter').definition).properties ?? {});

const wordFilterSchema: SchemaNode = {
  type: 'object',
  required: ['list', 'word'],
  properties: {
    list: { type: 'string', enum: [...wordFilterLists], description: 'Which list the word is in.' },
    word: { type: 'string', description: 'The word or phrase.' },
  },
};

/**
 * Picks the branch of a `oneOf` whose `type` constant matches the value (flow blocks), or else
 * the first branch whose required keys the value all has (a holiday's `date` or a calendar's
 * `calendar`).
 */
export function selectBranch(node: SchemaNode, value: JsonValue | undefined): SchemaNode {
  const resolved = resolveSchemaNode(node);
  const branches = resolved.oneOf ?? resolved.anyOf;
  if (!branches) return resolved;
  const object = value !== null && typeof value === 'object' && !Array.isArray(value) ? value : undefined;
  const type = object?.type;
  const candidates = branches.map(resolveSchemaNode);
  if (type !== undefined) {
    for (const candidate of candidates) {
      if (candidate.properties?.type?.const === type) return candidate;
    }
  }
  if (object) {
    for (const candidate of candidates) {
      if (candidate.properties?.type?.const === undefined && candidate.required?.length && candidate.required.every((key) => key in object)) return candidate;
    }
  }
  return resolved;
}

export interface WalkContext {
  path: SpecPath;
  node: SchemaNode;
  value: JsonValue;
  isDeferrable: boolean;
}

/** Visits every value of a spec together with the schema node that describes it. */
export function walkSpec(kind: Kind, spec: Spec, visit: (context: WalkContext) => void): void {
  walk(getKindSchema(kind), spec, [], false, visit);
}

function walk(node: SchemaNode, value: JsonValue, path: SpecPath, isDeferrable: boolean, visit: (context: WalkContext) => void): void {
  const schema = selectBranch(node, value);
  const deferrable = isDeferrable || schema['x-deferrable'] === true || resolveSchemaNode(node)['x-deferrable'] === true;
  visit({ path, node: schema, value, isDeferrable: deferrable });
  if (Array.isArray(value)) {
    if (!schema.items) return;
    value.forEach((item, index) => walk(schema.items as SchemaNode, item, [...path, index], deferrable, visit));
    return;
  }
  if (value === null || typeof value !== 'object') return;
  for (const [key, child] of Object.entries(value)) {
    const childSchema = schema.properties?.[key] ?? (typeof schema.additionalProperties === 'object' ? schema.additionalProperties : undefined);
    if (childSchema) walk(childSchema, child, [...path, key], deferrable, visit);
  }
}

/** Every reference a spec makes to another object, by name. */
export function listReferences(kind: Kind, spec: Spec): Reference[] {
  const references: Reference[] = [];
  walkSpec(kind, spec, ({ path, node, value, isDeferrable }) => {
    const target = node['x-ref'];
    if (target && typeof value === 'string') references.push({ kind: target, name: value, path, isDeferrable });
    const prefixed = node['x-ref-prefixed'];
    if (prefixed && typeof value === 'string' && value.startsWith(prefixed.prefix)) references.push({ kind: prefixed.kind, name: value.slice(prefixed.prefix.length), path, isDeferrable });
  });
  return references;
}

/** The paths of sensitive values present in a spec. */
export function listSensitivePaths(kind: Kind, spec: Spec): SpecPath[] {
  const paths: SpecPath[] = [];
  walkSpec(kind, spec, ({ path, node }) => {
    if (node['x-sensitive'] === true) paths.push(path);
  });
  return paths;
}

/** Returns a copy of `spec` with schema defaults filled in where a property is missing. */
export function applyDefaults(kind: Kind, spec: Spec): Spec {
  return fillDefaults(getKindSchema(kind), spec) as Spec;
}

function fillDefaults(node: SchemaNode, value: JsonValue): JsonValue {
  const schema = selectBranch(node, value);
  if (Array.isArray(value)) {
    return schema.items ? value.map((item) => fillDefaults(schema.items as SchemaNode, item)) : value;
  }
  if (value === null || typeof value !== 'object') return value;
  const result: { [key: string]: JsonValue } = {};
  for (const [key, child] of Object.entries(value)) {
    const childSchema = schema.properties?.[key] ?? (typeof schema.additionalProperties === 'object' ? schema.additionalProperties : undefined);
    result[key] = childSchema ? fillDefaults(childSchema, child) : child;
  }
  for (const [key, childNode] of Object.entries(schema.properties ?? {})) {
    if (key in result) continue;
    const resolved = resolveSchemaNode(childNode);
    const fallback = childNode.default ?? resolved.default;
    if (fallback !== undefined) result[key] = fillDefaults(childNode, structuredClone(fallback));
  }
  return result;
}
