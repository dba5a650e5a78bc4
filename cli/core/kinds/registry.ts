/**
 * What the engine knows about each kind. Kinds are declared once, in their `$defs` entry of
 * schema/conecta.schema.json (`x-kind`, `x-key`, `x-key-case-insensitive`, `x-plural`,
 * `x-ui-label`, `x-order`); schema/generated/kinds.ts is generated from there.
 */
import { kindConfigKeysInSchemaOrder, kindDeclarations, type Kind } from '../../../schema/generated/kinds.js';
import type { ConectaConfig } from '../../../schema/generated/types.js';

export interface KindInfo {
  kind: Kind;
  /** Top-level key in the YAML. */
  configKey: Exclude<keyof ConectaConfig, 'version' | 'prune'>;
  /** `$defs` entry of schema/conecta.schema.json describing one object. */
  definition: string;
  /** The field holding the natural key. Word filters have none: their key is `<list>/<word>`. */
  keyField: string | null;
  /** Whether the key is compared without regard to case. */
  isKeyCaseInsensitive: boolean;
  /** English plural, for messages. */
  plural: string;
  /** The label in Conecta's Portuguese admin screen. */
  uiLabel: string;
}

/** Every kind, in apply tie-break order. */
export const kindInfos: readonly KindInfo[] = kindDeclarations;

export const allKinds: readonly Kind[] = kindInfos.map((info) => info.kind);

/** The YAML keys in the order of the YAML reference (validate's counts). */
export const configKeysInReferenceOrder: readonly string[] = kindConfigKeysInSchemaOrder;

const byKind = new Map(kindInfos.map((info) => [info.kind, info]));
const byConfigKey = new Map(kindInfos.map((info) => [info.configKey as string, info]));
const rankByKind = new Map(kindInfos.map((info, index) => [info.kind, index]));

export function getKindInfo(kind: Kind): KindInfo {
  const info = byKind.get(kind);
  if (!info) throw new Error(`unknown kind ${kind}`);
  return info;
}

export function findKindByConfigKey(configKey: string): KindInfo | undefined {
  return byConfigKey.get(configKey);
}

/** Orders kinds as apply breaks ties (`x-order`): negative when `a` comes first. */
export function compareKinds(a: Kind, b: Kind): number {
  return (rankByKind.get(a) ?? 0) - (rankByKind.get(b) ?? 0);
}

/** The identity of an object of `kind` whose display name is `name`. */
export function toResourceKey(kind: Kind, name: string): string {
  return getKindInfo(kind).isKeyCaseInsensitive ? name.toLowerCase() : name;
}

/** Word filters: the display name of one word in one list. */
export function formatWordFilterName(list: string, word: string): string {
  return `${list}/${word}`;
}

/** The built-in user group that always exists and is never deleted. */
export const BUILT_IN_USER_GROUP = 'Administrador';
