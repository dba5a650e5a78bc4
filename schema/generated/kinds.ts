/* Generated from schema/conecta.schema.json by `npm run schema:write`. Do not edit. */

/** Every kind: the `x-kind` of the `$defs` entries of the schema. */
export type Kind =
  | 'tabulation'
  | 'predefined-message'
  | 'contact-group'
  | 'contact-field'
  | 'blocked-number'
  | 'schedule-group'
  | 'pause'
  | 'word-filter'
  | 'user-group'
  | 'administrator'
  | 'team'
  | 'agent'
  | 'flow';

/** One row per kind, in apply tie-break order (`x-order`). */
export const kindDeclarations = [
  { kind: 'tabulation', configKey: 'tabulations', definition: 'Tabulation', keyField: 'name', isKeyCaseInsensitive: false, plural: 'tabulations', uiLabel: 'Tabulações' },
  { kind: 'predefined-message', configKey: 'predefinedMessages', definition: 'PredefinedMessage', keyField: 'name', isKeyCaseInsensitive: false, plural: 'predefined messages', uiLabel: 'Mensagens Predefinidas' },
  { kind: 'contact-group', configKey: 'contactGroups', definition: 'ContactGroup', keyField: 'name', isKeyCaseInsensitive: false, plural: 'contact groups', uiLabel: 'Grupo de Contatos' },
  { kind: 'contact-field', configKey: 'contactFields', definition: 'ContactField', keyField: 'name', isKeyCaseInsensitive: false, plural: 'contact fields', uiLabel: 'Campos Adicionais' },
  { kind: 'blocked-number', configKey: 'blockedNumbers', definition: 'BlockedNumber', keyField: 'number', isKeyCaseInsensitive: false, plural: 'blocked numbers', uiLabel: 'Números Bloqueados' },
  { kind: 'schedule-group', configKey: 'scheduleGroups', definition: 'ScheduleGroup', keyField: 'name', isKeyCaseInsensitive: false, plural: 'schedule groups', uiLabel: 'Grupo de Horários' },
  { kind: 'pause', configKey: 'pauses', definition: 'Pause', keyField: 'name', isKeyCaseInsensitive: false, plural: 'pauses', uiLabel: 'Pausas' },
  { kind: 'word-filter', configKey: 'wordFilters', definition: 'WordFilters', keyField: null, isKeyCaseInsensitive: true, plural: 'word filters', uiLabel: 'Filtro de Palavras' },
  { kind: 'user-group', configKey: 'userGroups', definition: 'UserGroup', keyField: 'name', isKeyCaseInsensitive: false, plural: 'user groups', uiLabel: 'Grupo de Usuários' },
  { kind: 'administrator', configKey: 'administrators', definition: 'Administrator', keyField: 'email', isKeyCaseInsensitive: true, plural: 'administrators', uiLabel: 'Administradores' },
  { kind: 'team', configKey: 'teams', definition: 'Team', keyField: 'name', isKeyCaseInsensitive: false, plural: 'teams', uiLabel: 'Equipes' },
  { kind: 'agent', configKey: 'agents', definition: 'Agent', keyField: 'email', isKeyCaseInsensitive: true, plural: 'agents', uiLabel: 'Agentes' },
  { kind: 'flow', configKey: 'flows', definition: 'Flow', keyField: 'name', isKeyCaseInsensitive: false, plural: 'flows', uiLabel: 'Fluxo de Atendimento' },
] as const;

/** The YAML keys of the kinds in the order of the schema (and of the YAML reference). */
export const kindConfigKeysInSchemaOrder = ['userGroups', 'administrators', 'tabulations', 'predefinedMessages', 'contactGroups', 'contactFields', 'blockedNumbers', 'teams', 'agents', 'scheduleGroups', 'wordFilters', 'pauses', 'flows'] as const;
