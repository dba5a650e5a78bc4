import type { ConectaConfig } from '../../../schema/generated/types.js';
import type { Kind } from '../model/resource.js';

/** What the engine knows about a kind. The order of `kindInfos` is the tie-break order of apply. */
export interface KindInfo {
  kind: Kind;
  /** Top-level key in the YAML. */
  configKey: Exclude<keyof ConectaConfig, 'version' | 'prune'>;
  /** `$defs` entry of schema/conecta.schema.json describing one object. */
  definition: string;
  /** The field holding the natural key. Word filters have none: their key is `<list>/<word>`. */
  keyField: 'name' | 'email' | null;
  /** Whether the key is compared without regard to case. */
  isKeyCaseInsensitive: boolean;
  /** English plural, for messages. */
  plural: string;
  /** The label in Conecta's Portuguese admin screen. */
  uiLabel: string;
}

export const kindInfos: readonly KindInfo[] = [
  { kind: 'tabulation', configKey: 'tabulations', definition: 'Tabulation', keyField: 'name', isKeyCaseInsensitive: false, plural: 'tabulations', uiLabel: 'Tabulações' },
  { kind: 'predefined-message', configKey: 'predefinedMessages', definition: 'PredefinedMessage', keyField: 'name', isKeyCaseInsensitive: false, plural: 'predefined messages', uiLabel: 'Mensagens Predefinidas' },
  { kind: 'schedule-group', configKey: 'scheduleGroups', definition: 'ScheduleGroup', keyField: 'name', isKeyCaseInsensitive: false, plural: 'schedule groups', uiLabel: 'Grupo de Horários' },
  { kind: 'pause', configKey: 'pauses', definition: 'Pause', keyField: 'name', isKeyCaseInsensitive: false, plural: 'pauses', uiLabel: 'Pausas' },
  { kind: 'word-filter', configKey: 'wordFilters', definition: 'WordFilters', keyField: null, isKeyCaseInsensitive: true, plural: 'word filters', uiLabel: 'Filtro de Palavras' },
  { kind: 'user-group', configKey: 'userGroups', definition: 'UserGroup', keyField: 'name', isKeyCaseInsensitive: false, plural: 'user groups', uiLabel: 'Grupo de Usuários' },
  { kind: 'administrator', configKey: 'administrators', definition: 'Administrator', keyField: 'email', isKeyCaseInsensitive: true, plural: 'administrators', uiLabel: 'Administradores' },
  { kind: 'team', configKey: 'teams', definition: 'Team', keyField: 'name', isKeyCaseInsensitive: false, plural: 'teams', uiLabel: 'Equipes' },
  { kind: 'agent', configKey: 'agents', definition: 'Agent', keyField: 'email', isKeyCaseInsensitive: true, plural: 'agents', uiLabel: 'Agentes' },
  { kind: 'flow', configKey: 'flows', definition: 'Flow', keyField: 'name', isKeyCaseInsensitive: false, plural: 'flows', uiLabel: 'Fluxo de Atendimento' },
];

export const allKinds: readonly Kind[] = kindInfos.map((info) => info.kind);

const byKind = new Map(kindInfos.map((info) => [info.kind, info]));
const byConfigKey = new Map(kindInfos.map((info) => [info.configKey as string, info]));

export function getKindInfo(kind: Kind): KindInfo {
  const info = byKind.get(kind);
  if (!info) throw new Error(`unknown kind ${kind}`);
  return info;
}

export function findKindByConfigKey(configKey: string): KindInfo | undefined {
  return byConfigKey.get(configKey);
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
