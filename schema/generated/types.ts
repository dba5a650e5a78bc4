/* Generated from schema/conecta.schema.json by `npm run schema:write`. Do not edit. */

/**
 * A weekday: `mon`, `tue`, `wed`, `thu`, `fri`, `sat`, `sun`, or its Portuguese name, short or full (`seg`/`segunda`/`segunda-feira`, `ter`/`terça`/`terça-feira`, `qua`/`quarta`/`quarta-feira`, `qui`/`quinta`/`quinta-feira`, `sex`/`sexta`/`sexta-feira`, `sáb`/`sábado`, `dom`/`domingo`), in any case, with or without accents. The plan and `conecta export` write the English form.
 *
 * This interface was referenced by `ConectaConfig`'s JSON-Schema
 * via the `definition` "Weekday".
 */
export type Weekday = string;
/**
 * A block of a flow, one of the types below, chosen by `type`.
 *
 * This interface was referenced by `ConectaConfig`'s JSON-Schema
 * via the `definition` "FlowBlock".
 */
export type FlowBlock =
  | (
      | FlowBlockMessage
      | FlowBlockMenu
      | FlowBlockInput
      | FlowBlockCondition
      | FlowBlockSchedule
      | FlowBlockTransfer
      | FlowBlockHttp
      | FlowBlockSetVariable
      | FlowBlockRating
      | FlowBlockGotoFlow
      | FlowBlockEnd
    )
  | undefined;

/**
 * One conecta-as-code config file. A directory of such files merges into one desired state.
 */
export interface ConectaConfig {
  /**
   * The config language version. Only `1` exists.
   */
  version: 1;
  /**
   * Deletion policy. `true`: live objects missing from the config are deleted (after review in the plan). An object maps a kind (such as `teams`) to true/false. Default: missing objects are kept and listed as not managed.
   */
  prune?: boolean | PruneByKind;
  /**
   * Grupo de Usuários: A permission profile for administrators. UI: Configurações › Grupo de Usuários.
   */
  userGroups?: UserGroup[];
  /**
   * Administradores: A person who uses the admin screen. UI: Configurações › Administradores.
   */
  administrators?: Administrator[];
  /**
   * Tabulações: A disposition code that classifies a session when it ends. UI: Configurações › Tabulações.
   */
  tabulations?: Tabulation[];
  /**
   * Mensagens Predefinidas: A canned reply offered on the agent screen. UI: Mensagens Predefinidas.
   */
  predefinedMessages?: PredefinedMessage[];
  /**
   * Grupo de Contatos: a named group of contacts, used to segment them and to restrict active contact by team. UI: Cadastro › Grupo de Contatos.
   */
  contactGroups?: ContactGroup[];
  /**
   * Campos Adicionais: custom contact fields, shown on the contact card and filled by flows (`saveTo: contact.<name>`). UI: Cadastro › Campos Adicionais.
   */
  contactFields?: ContactField[];
  /**
   * Números Bloqueados: phone numbers that cannot start new sessions. UI: Cadastro › Números Bloqueados.
   */
  blockedNumbers?: BlockedNumber[];
  /**
   * Equipes: A human-service queue such as SAC, Vendas or Financeiro. UI: Configurações › Equipes. Which agents belong to a team is set on the agents (`agents[].teams`).
   */
  teams?: Team[];
  /**
   * Agentes: A person who serves contacts on the agent screen. UI: Configurações › Agentes.
   */
  agents?: Agent[];
  /**
   * Grupo de Horários: Named opening hours used by flow `schedule` blocks. UI: Configurações › Grupo de Horários.
   */
  scheduleGroups?: ScheduleGroup[];
  wordFilters?: WordFilters;
  /**
   * Pausas: A reason for an agent break, with its rules. UI: Configurações › Pausas.
   */
  pauses?: Pause[];
  /**
   * Fluxo de Atendimento: Fluxo de Atendimento: a block diagram that takes a contact through self-service or hands it to a team.
   */
  flows?: Flow[];
}
/**
 * Deletion policy per kind.
 *
 * This interface was referenced by `ConectaConfig`'s JSON-Schema
 * via the `definition` "PruneByKind".
 */
export interface PruneByKind {
  /**
   * Delete live userGroups missing from the config.
   */
  userGroups?: boolean;
  /**
   * Delete live administrators missing from the config.
   */
  administrators?: boolean;
  /**
   * Delete live tabulations missing from the config.
   */
  tabulations?: boolean;
  /**
   * Delete live predefinedMessages missing from the config.
   */
  predefinedMessages?: boolean;
  /**
   * Delete live contactGroups missing from the config.
   */
  contactGroups?: boolean;
  /**
   * Delete live contactFields missing from the config.
   */
  contactFields?: boolean;
  /**
   * Delete live blockedNumbers missing from the config.
   */
  blockedNumbers?: boolean;
  /**
   * Delete live teams missing from the config.
   */
  teams?: boolean;
  /**
   * Delete live agents missing from the config.
   */
  agents?: boolean;
  /**
   * Delete live scheduleGroups missing from the config.
   */
  scheduleGroups?: boolean;
  /**
   * Delete live wordFilters missing from the config.
   */
  wordFilters?: boolean;
  /**
   * Delete live pauses missing from the config.
   */
  pauses?: boolean;
  /**
   * Delete live flows missing from the config.
   */
  flows?: boolean;
}
/**
 * A permission profile for administrators. UI: Configurações › Grupo de Usuários.
 *
 * This interface was referenced by `ConectaConfig`'s JSON-Schema
 * via the `definition` "UserGroup".
 */
export interface UserGroup {
  /**
   * Nome. Unique among user groups. The built-in group `Administrador` always exists and is never deleted.
   */
  name: string;
  /**
   * The name this object had before. The plan updates the live object in place instead of deleting and re-creating it. Remove this key once the rename is applied.
   */
  renamedFrom?: string;
  /**
   * Permissão total. When true the group may do everything and `permissions` is ignored.
   */
  fullPermission?: boolean;
  /**
   * Visualização por equipe. When true, administrators of this group only see the data of `visibleTeams`.
   */
  viewByTeams?: boolean;
  /**
   * The teams whose data the group may see when `viewByTeams` is on. Names of teams.
   */
  visibleTeams?: string[];
  /**
   * Permissões: what the group may view and edit, from the vocabulary below (UI sections Cadastro, Configurações, Serviços, Relatórios). `registration.agents` = Cadastro › Agentes; `registration.teams` = Cadastro › Equipes; `registration.tabulations` = Cadastro › Tabulações; `registration.predefinedMessages` = Cadastro › Mensagens Predefinidas; `registration.contacts` = Cadastro › Contatos; `registration.contactGroups` = Cadastro › Grupo de Contatos; `registration.contactFields` = Cadastro › Campos Adicionais; `registration.blockedNumbers` = Cadastro › Números Bloqueados; `settings.userGroups` = Configurações › Grupo de Usuários; `settings.administrators` = Configurações › Administradores; `settings.scheduleGroups` = Configurações › Grupo de Horários; `settings.wordFilters` = Configurações › Filtro de Palavras; `settings.pauses` = Configurações › Pausas; `settings.channels` = Configurações › Canais; `settings.flows` = Configurações › Fluxo de Atendimento; `settings.application` = Configurações › Aplicação; `settings.integrations` = Configurações › Integrações; `settings.security` = Configurações › Segurança e Privacidade; `services.monitoring` = Serviços › Monitoramento; `services.activeContact` = Serviços › Contato Ativo; `services.massMessaging` = Serviços › Disparo em Massa; `reports.attendances` = Relatórios › Atendimentos; `reports.agents` = Relatórios › Agentes; `reports.pauses` = Relatórios › Pausas; `reports.ratings` = Relatórios › Avaliações; `reports.tabulations` = Relatórios › Tabulações; `reports.flows` = Relatórios › Fluxos.
   */
  permissions?: (
    | 'registration.agents'
    | 'registration.teams'
    | 'registration.tabulations'
    | 'registration.predefinedMessages'
    | 'registration.contacts'
    | 'registration.contactGroups'
    | 'registration.contactFields'
    | 'registration.blockedNumbers'
    | 'settings.userGroups'
    | 'settings.administrators'
    | 'settings.scheduleGroups'
    | 'settings.wordFilters'
    | 'settings.pauses'
    | 'settings.channels'
    | 'settings.flows'
    | 'settings.application'
    | 'settings.integrations'
    | 'settings.security'
    | 'services.monitoring'
    | 'services.activeContact'
    | 'services.massMessaging'
    | 'reports.attendances'
    | 'reports.agents'
    | 'reports.pauses'
    | 'reports.ratings'
    | 'reports.tabulations'
    | 'reports.flows'
  )[];
}
/**
 * A person who uses the admin screen. UI: Configurações › Administradores.
 *
 * This interface was referenced by `ConectaConfig`'s JSON-Schema
 * via the `definition` "Administrator".
 */
export interface Administrator {
  /**
   * E-mail (login). Identifies the administrator; it must not also be an agent's login.
   */
  email: string;
  /**
   * The login e-mail this administrator had before; the plan changes it in place.
   */
  renamedFrom?: string;
  /**
   * Nome.
   */
  name: string;
  /**
   * Grupo de usuários: the name of the user group that sets this administrator's permissions.
   */
  userGroup: string;
  /**
   * E-mail de recuperação: a real mailbox that receives the password link. Omitted: the login e-mail is used (Usar o login como recuperação).
   */
  recoveryEmail?: string;
  /**
   * Desabilitar usuário: the administrator cannot log in (holidays, leave).
   */
  disabled?: boolean;
  /**
   * Autenticação remota: log in through the tenant's remote authentication.
   */
  remoteAuth?: boolean;
  /**
   * Idioma of the admin screen.
   */
  language?: 'pt-BR' | 'en' | 'es';
  /**
   * Senha inicial, used only when the administrator is created; never read back, never shown. Use `${env:NAME}`. Omitted: Conecta e-mails a password link to the recovery address.
   */
  initialPassword?: string;
}
/**
 * A disposition code that classifies a session when it ends. UI: Configurações › Tabulações.
 *
 * This interface was referenced by `ConectaConfig`'s JSON-Schema
 * via the `definition` "Tabulation".
 */
export interface Tabulation {
  /**
   * Nome. Unique among tabulations.
   */
  name: string;
  /**
   * The name this object had before. The plan updates the live object in place instead of deleting and re-creating it. Remove this key once the rename is applied.
   */
  renamedFrom?: string;
}
/**
 * A canned reply offered on the agent screen. UI: Mensagens Predefinidas.
 *
 * This interface was referenced by `ConectaConfig`'s JSON-Schema
 * via the `definition` "PredefinedMessage".
 */
export interface PredefinedMessage {
  /**
   * Título/Descrição. Unique among predefined messages; teams refer to it by this name.
   */
  name: string;
  /**
   * The name this object had before. The plan updates the live object in place instead of deleting and re-creating it. Remove this key once the rename is applied.
   */
  renamedFrom?: string;
  /**
   * Mensagem: the text sent, which may use Conecta's variables (contact name, agent name, greeting).
   */
  text: string;
}
/**
 * A named group of contacts. UI: Cadastro › Grupo de Contatos. Teams can restrict active contact to groups (`teams[].contactActiveByGroup`).
 *
 * This interface was referenced by `ConectaConfig`'s JSON-Schema
 * via the `definition` "ContactGroup".
 */
export interface ContactGroup {
  /**
   * Nome do grupo. Unique among contact groups.
   */
  name: string;
  /**
   * The name this object had before. The plan updates the live object in place instead of deleting and re-creating it. Remove this key once the rename is applied.
   */
  renamedFrom?: string;
}
/**
 * A custom contact field. UI: Cadastro › Campos Adicionais. Flows store answers in it with `saveTo: contact.<name>`.
 *
 * This interface was referenced by `ConectaConfig`'s JSON-Schema
 * via the `definition` "ContactField".
 */
export interface ContactField {
  /**
   * Nome: letters, digits and `_` (Conecta turns spaces into `_`), such as `cpf`. Unique among contact fields; flows refer to it as `contact.<name>`.
   */
  name: string;
  /**
   * The name this object had before. The plan updates the live object in place instead of deleting and re-creating it. Remove this key once the rename is applied.
   */
  renamedFrom?: string;
  /**
   * Descrição.
   */
  description?: string;
  /**
   * Identificador: the field identifies the contact.
   */
  identifier?: boolean;
  /**
   * Obrigatório.
   */
  required?: boolean;
  /**
   * Confidencial.
   */
  confidential?: boolean;
  /**
   * Criptografado: stored encrypted.
   */
  encrypted?: boolean;
  /**
   * Permitir busca: usable in searches and reports.
   */
  searchable?: boolean;
  /**
   * Descrição para o agente: the agent sees the description.
   */
  showDescriptionToAgent?: boolean;
  /**
   * Tipo de validação, as the tenant names it (its values are not documented; empty: none).
   */
  validation?: string;
  /**
   * Condição + total de caracteres: the answer length must satisfy `op value`.
   */
  lengthRule?: {
    /**
     * Condição.
     */
    op: '>=' | '<=' | '<>' | '=';
    /**
     * Total de caracteres.
     */
    value: number;
  };
}
/**
 * A phone number that cannot start new sessions. UI: Cadastro › Números Bloqueados.
 *
 * This interface was referenced by `ConectaConfig`'s JSON-Schema
 * via the `definition` "BlockedNumber".
 */
export interface BlockedNumber {
  /**
   * Número: the phone number with its country code, written as you like — `+55 (11) 99999-0000`, `55 11 99999.0000` or `5511999990000` (a leading `+`, spaces, dashes, dots and parentheses are ignored). It is compared, sent and exported as its digits, country code first and no `+` (E.164 without the plus, `5511999990000`): 8 to 15 digits, not starting with 0 (a leading 0 is a trunk prefix: write the country code instead). Unique among blocked numbers: two spellings of one number are a duplicate.
   */
  number: string;
}
/**
 * A human-service queue such as SAC, Vendas or Financeiro. UI: Configurações › Equipes. Which agents belong to a team is set on the agents (`agents[].teams`).
 *
 * This interface was referenced by `ConectaConfig`'s JSON-Schema
 * via the `definition` "Team".
 */
export interface Team {
  /**
   * Nome. Unique among teams.
   */
  name: string;
  /**
   * The name this object had before. The plan updates the live object in place instead of deleting and re-creating it. Remove this key once the rename is applied.
   */
  renamedFrom?: string;
  /**
   * Tempo de sessão: the longest silence between contact and agent before the session closes itself, in whole minutes (Conecta holds it in days, hours and minutes), such as `30m` or `1h30m`. `0m` turns it off.
   */
  sessionTimeout?: string;
  /**
   * Regra de distribuição: `all` = Todos (offer to every agent, the first to accept takes it); `leastBusy` = Agentes com menos atendimentos; `sequential` = Sequencial (in `agentOrder`); `contactGroup` = Grupo de Contatos.
   */
  distributionRule?: 'all' | 'leastBusy' | 'sequential' | 'contactGroup';
  /**
   * Ordem dos agentes for the `sequential` rule: agent e-mails in the order sessions are offered. Each must be a member of the team.
   */
  agentOrder?: string[];
  /**
   * Mensagem de finalização: sent to the contact when a session of this team ends.
   */
  closingMessage?: string;
  /**
   * Mensagem de nenhum agente disponível: sent when no agent of the team is available.
   */
  noAgentMessage?: string;
  /**
   * Histórico de conversa shown to agents: `none` = Não se aplica, `all` = Todas, `teamSessions` = Todas as sessões destas equipes.
   */
  conversationHistory?: 'none' | 'all' | 'teamSessions';
  /**
   * Transbordo: the team that takes the session when this one is unavailable.
   */
  overflowTeam?: string;
  /**
   * Tempo de espera: after waiting this long in the queue, the contact is sent to another team.
   */
  waitTimeout?: {
    /**
     * How long a contact may wait, such as `10m`.
     */
    after: string;
    /**
     * The team that receives the contact.
     */
    redirectTo: string;
  };
  /**
   * Restringir transferência: the only teams agents may transfer sessions to. Empty: any team.
   */
  transferTeams?: string[];
  /**
   * Contato ativo apenas por grupo: agents of this team may start active contact only with contacts of these contact groups. Empty: with any contact.
   */
  contactActiveByGroup?: string[];
  /**
   * Tabulações the agents choose from when they finish a session.
   */
  tabulations?: string[];
  /**
   * Mensagens predefinidas offered to the team's agents, by name.
   */
  predefinedMessages?: string[];
  /**
   * Fluxo de encerramento: a flow that runs after a session the agent started (active contact) ends.
   */
  endingFlow?: string;
  permissions?: TeamPermissions;
}
/**
 * Permissões da equipe: what the team's agents may do on the agent screen. UI labels are not documented; names follow the API.
 *
 * This interface was referenced by `ConectaConfig`'s JSON-Schema
 * via the `definition` "TeamPermissions".
 */
export interface TeamPermissions {
  /**
   * Agents may edit the contact's data.
   */
  editContact?: boolean;
  /**
   * Agents may finish a session.
   */
  finishAttendance?: boolean;
  /**
   * Agents see the contact's phone number.
   */
  showNumber?: boolean;
  /**
   * Agents may serve contacts while offline.
   */
  offlineAttendance?: boolean;
  /**
   * Internal chat between agents.
   */
  agentChat?: boolean;
  /**
   * Internal chat between teams.
   */
  teamChat?: boolean;
  /**
   * Agents may send emojis.
   */
  sendEmojis?: boolean;
  /**
   * Show a preview of the last message in the queue.
   */
  showMessagePreview?: boolean;
  /**
   * Sessions are assigned automatically without the agent accepting them.
   */
  autoAttendance?: boolean;
  /**
   * Hide contacts on hold from agents.
   */
  hideContactOnHold?: boolean;
  /**
   * Hide the contact list on the agent screen.
   */
  hideContactOnAgentScreen?: boolean;
  /**
   * Agents may record voice messages.
   */
  voiceRecording?: boolean;
}
/**
 * A person who serves contacts on the agent screen. UI: Configurações › Agentes.
 *
 * This interface was referenced by `ConectaConfig`'s JSON-Schema
 * via the `definition` "Agent".
 */
export interface Agent {
  /**
   * E-mail (login). Identifies the agent; it need not be a real mailbox.
   */
  email: string;
  /**
   * The login e-mail this agent had before; the plan changes it in place.
   */
  renamedFrom?: string;
  /**
   * Nome.
   */
  name: string;
  /**
   * E-mail de recuperação: a real mailbox for the password link. Omitted: the login e-mail is used.
   */
  recoveryEmail?: string;
  /**
   * Codinome: contacts who write it skip the flow and reach this agent.
   */
  codename?: string;
  /**
   * Ramal: the PBX extension, needed only with the Central integration.
   */
  extension?: string;
  /**
   * Equipes the agent serves. This list is the only place team membership is set.
   */
  teams?: string[];
  /**
   * Horário de login permitido: the agent may log in only between these times.
   */
  loginHours?: {
    /**
     * Hora inicial, `HH:MM`.
     */
    from: string;
    /**
     * Hora final, `HH:MM`.
     */
    to: string;
  };
  /**
   * Histórico de conversa: `inherit` uses the team's setting; the others override it (see teams).
   */
  conversationHistory?: 'inherit' | 'none' | 'all' | 'teamSessions';
  /**
   * Atendimentos simultâneos: the most sessions the agent serves at once; `0` = no limit.
   */
  maxSimultaneousChats?: number;
  /**
   * Ocultar estrelas: hide the satisfaction rating from the agent.
   */
  hideRatingStars?: boolean;
  /**
   * Autenticação remota: log in through the tenant's remote authentication.
   */
  remoteAuth?: boolean;
  /**
   * Senha inicial, used only when the agent is created; never read back, never shown. Use `${env:NAME}`. Omitted: Conecta e-mails a password link.
   */
  initialPassword?: string;
}
/**
 * Named opening hours used by flow `schedule` blocks. UI: Configurações › Grupo de Horários.
 *
 * This interface was referenced by `ConectaConfig`'s JSON-Schema
 * via the `definition` "ScheduleGroup".
 */
export interface ScheduleGroup {
  /**
   * Nome. Unique among schedule groups.
   */
  name: string;
  /**
   * The name this object had before. The plan updates the live object in place instead of deleting and re-creating it. Remove this key once the rename is applied.
   */
  renamedFrom?: string;
  /**
   * Intervalos: when the operation is open, by weekday.
   */
  intervals: ScheduleInterval[];
  /**
   * Feriados: days closed all day, each a date (`{date: "12-25", name: Natal}`) or a public calendar for one year (`{calendar: br-national, year: 2027}`, written out as its dates).
   */
  holidays?: (ScheduleHoliday | HolidayCalendar)[];
  /**
   * Exceções: dates with special hours.
   */
  exceptions?: ScheduleException[];
}
/**
 * Opening hours on some weekdays.
 *
 * This interface was referenced by `ConectaConfig`'s JSON-Schema
 * via the `definition` "ScheduleInterval".
 */
export interface ScheduleInterval {
  /**
   * Dias da semana: `mon`, `tue`, `wed`, `thu`, `fri`, `sat`, `sun`, or the Portuguese names, short or full: `seg`/`segunda`/`segunda-feira`, `ter`/`terça`/`terça-feira`, `qua`/`quarta`/`quarta-feira`, `qui`/`quinta`/`quinta-feira`, `sex`/`sexta`/`sexta-feira`, `sáb`/`sábado`, `dom`/`domingo` (any case, accents optional). The plan and `conecta export` write `mon` … `sun`.
   *
   * @minItems 1
   */
  days: [Weekday, ...Weekday[]];
  /**
   * Abre às, `HH:MM`.
   */
  from: string;
  /**
   * Fecha às, `HH:MM` (later than `from`).
   */
  to: string;
}
/**
 * A day the operation is closed. Conecta's calendar has no year, so a holiday repeats every year.
 *
 * This interface was referenced by `ConectaConfig`'s JSON-Schema
 * via the `definition` "ScheduleHoliday".
 */
export interface ScheduleHoliday {
  /**
   * Data, `MM-DD` (every year), such as `12-25`.
   */
  date: string;
  /**
   * Feriado: the holiday's name.
   */
  name: string;
}
/**
 * A public holiday calendar, written out as that year's holidays (`MM-DD`, Portuguese names) when the config is read; the plan shows the dates. Conecta's calendar has no year and Carnaval, Sexta-feira Santa and Corpus Christi move every year, so `year` says which year's dates to write: change it when the year turns. A holiday written out on the same date wins.
 *
 * This interface was referenced by `ConectaConfig`'s JSON-Schema
 * via the `definition` "HolidayCalendar".
 */
export interface HolidayCalendar {
  /**
   * `br-national`: Brazil's national holidays — Confraternização Universal (01-01), Sexta-feira Santa, Tiradentes (04-21), Dia do Trabalho (05-01), Independência do Brasil (09-07), Nossa Senhora Aparecida (10-12), Finados (11-02), Proclamação da República (11-15), Dia Nacional de Zumbi e da Consciência Negra (11-20, from 2024), Natal (12-25) — and the pontos facultativos Carnaval (Monday and Tuesday) and Corpus Christi.
   */
  calendar: 'br-national';
  /**
   * Ano: the year whose dates are written, such as `2027`.
   */
  year: number;
  /**
   * Include the pontos facultativos (Carnaval Monday and Tuesday, Corpus Christi): days off by decree for the federal civil service, not holidays by law, on which most businesses close. `false` leaves them out.
   */
  includeOptional?: boolean;
}
/**
 * A date with special opening hours (Exceções), replacing the weekday's intervals.
 *
 * This interface was referenced by `ConectaConfig`'s JSON-Schema
 * via the `definition` "ScheduleException".
 */
export interface ScheduleException {
  /**
   * Data, `MM-DD` (every year).
   */
  date: string;
  /**
   * Descrição.
   */
  name: string;
  /**
   * Abre às, `HH:MM`.
   */
  from: string;
  /**
   * Fecha às, `HH:MM`.
   */
  to: string;
}
/**
 * Filtro de Palavras: two lists. A single word matches anywhere in a message; a phrase matches only the whole message; case is ignored.
 *
 * This interface was referenced by `ConectaConfig`'s JSON-Schema
 * via the `definition` "WordFilters".
 */
export interface WordFilters {
  /**
   * Bloqueio para agentes: terms an agent may not send.
   */
  agentBlocked?: string[];
  /**
   * Palavras que não iniciam o fluxo: a contact message that matches does not open a new session (such as `obrigado` after a session ended).
   */
  noFlowStart?: string[];
}
/**
 * A reason for an agent break, with its rules. UI: Configurações › Pausas.
 *
 * This interface was referenced by `ConectaConfig`'s JSON-Schema
 * via the `definition` "Pause".
 */
export interface Pause {
  /**
   * Nome. Unique among pauses.
   */
  name: string;
  /**
   * The name this object had before. The plan updates the live object in place instead of deleting and re-creating it. Remove this key once the rename is applied.
   */
  renamedFrom?: string;
  /**
   * Descrição.
   */
  description?: string;
  /**
   * Tempo máximo of the pause, such as `15m` or `1h`. `0s` = no limit.
   */
  maxDuration?: string;
  /**
   * Produtiva: the pause counts as productive time in reports.
   */
  productive?: boolean;
  /**
   * Acumulativa: `maxDuration` is a daily total over several pauses of this kind.
   */
  cumulative?: boolean;
  /**
   * Supervisionada: a supervisor follows or approves the pause.
   */
  supervised?: boolean;
  /**
   * Continuar atendimentos: the agent keeps current sessions during the pause.
   */
  continueAttendances?: boolean;
  /**
   * Ativa: agents can choose this pause.
   */
  active?: boolean;
  /**
   * Mensagem shown to the agent during the pause.
   */
  message?: string;
}
/**
 * Fluxo de Atendimento: a block diagram that takes a contact through self-service or hands it to a team. Blocks are keyed by an id you choose; edges (`next`, `open`, `options[].next`, …) name the id of the block that follows. See docs/flows.md.
 *
 * This interface was referenced by `ConectaConfig`'s JSON-Schema
 * via the `definition` "Flow".
 */
export interface Flow {
  /**
   * Nome. Unique among flows.
   */
  name: string;
  /**
   * The name this object had before. The plan updates the live object in place instead of deleting and re-creating it. Remove this key once the rename is applied.
   */
  renamedFrom?: string;
  /**
   * Descrição.
   */
  description?: string;
  /**
   * Início: the id of the block the contact enters first.
   */
  start: string;
  /**
   * The blocks, by id (a letter, then letters, digits, `_` or `-`; at most 64 characters). The id is yours: it names the block in edges, diagnostics and plans.
   */
  blocks: {
    [k: string]: FlowBlock | undefined;
  };
}
/**
 * Mensagem: sends a text to the contact, then goes on without waiting for an answer.
 *
 * This interface was referenced by `ConectaConfig`'s JSON-Schema
 * via the `definition` "FlowBlockMessage".
 */
export interface FlowBlockMessage {
  /**
   * Block type: `message` (Mensagem).
   */
  type: 'message';
  /**
   * Texto sent to the contact.
   */
  text: string;
  /**
   * The block that follows once the text is sent.
   */
  next: string;
}
/**
 * Menu: sends a text with numbered options and waits for the contact to choose one (Submenu is a menu reached from another menu).
 *
 * This interface was referenced by `ConectaConfig`'s JSON-Schema
 * via the `definition` "FlowBlockMenu".
 */
export interface FlowBlockMenu {
  /**
   * Block type: `menu` (Menu).
   */
  type: 'menu';
  /**
   * Texto: the question, sent before the options.
   */
  text: string;
  /**
   * Opções, in the order shown. Keys are unique within the menu.
   *
   * @minItems 1
   */
  options: [FlowMenuOption, ...FlowMenuOption[]];
  /**
   * Opção inválida: the block that follows an answer matching no key. Omitted: Conecta sends the application's invalid-option message and asks again (inferred).
   */
  invalid?: string;
  /**
   * Tempo esgotado: the block that follows when the contact does not answer in time. Omitted: the session follows the tenant's inactivity rule (inferred).
   */
  timeout?: string;
}
/**
 * One option of a Menu block.
 *
 * This interface was referenced by `ConectaConfig`'s JSON-Schema
 * via the `definition` "FlowMenuOption".
 */
export interface FlowMenuOption {
  /**
   * Tecla: what the contact types to choose the option, such as `1` or `#`. Unique within the menu. Write digits in quotes (`"1"`).
   */
  key: string;
  /**
   * Rótulo shown next to the key.
   */
  label: string;
  /**
   * The block that follows when the contact chooses this option.
   */
  next: string;
}
/**
 * Entrada de dados: asks a question, validates the answer and stores it in a contact field or a flow variable.
 *
 * This interface was referenced by `ConectaConfig`'s JSON-Schema
 * via the `definition` "FlowBlockInput".
 */
export interface FlowBlockInput {
  /**
   * Block type: `input` (Entrada de dados).
   */
  type: 'input';
  /**
   * Pergunta sent to the contact.
   */
  prompt: string;
  /**
   * Where the answer is stored: `contact.<field>` for a contact field (Campos Adicionais, such as `contact.cpf`), or a variable name (such as `protocolo`) that later blocks read.
   */
  saveTo: string;
  /**
   * Validação of the answer: `text` (anything), `email`, `cpf`, `cnpj`, `cep` or `number`.
   */
  validation?: 'text' | 'email' | 'cpf' | 'cnpj' | 'cep' | 'number';
  /**
   * The block that follows a valid answer.
   */
  next: string;
  /**
   * The block that follows an answer that fails validation. Omitted: the question is asked again (inferred).
   */
  invalid?: string;
}
/**
 * Condição: compares variables or contact fields with values (SE/OU) and branches.
 *
 * This interface was referenced by `ConectaConfig`'s JSON-Schema
 * via the `definition` "FlowBlockCondition".
 */
export interface FlowBlockCondition {
  /**
   * Block type: `condition` (Condição).
   */
  type: 'condition';
  /**
   * Regras, checked together as `match` says.
   *
   * @minItems 1
   */
  rules: [FlowConditionRule, ...FlowConditionRule[]];
  /**
   * `all`: every rule must hold (SE … E); `any`: one rule is enough (SE … OU).
   */
  match?: 'all' | 'any';
  /**
   * Então: the block that follows when the condition holds.
   */
  then: string;
  /**
   * Senão: the block that follows when it does not.
   */
  else: string;
}
/**
 * One rule of a Condição block: `<variable> <operator> <value>`.
 *
 * This interface was referenced by `ConectaConfig`'s JSON-Schema
 * via the `definition` "FlowConditionRule".
 */
export interface FlowConditionRule {
  /**
   * Variável compared: a variable name, or `contact.<field>` for a contact field.
   */
  variable: string;
  /**
   * Operador: `equals`, `notEquals`, `contains`, `notContains`, `startsWith`, `greaterThan`, `lessThan` (numbers), `isEmpty`, `isNotEmpty` (these two take no value).
   */
  operator:
    | 'equals'
    | 'notEquals'
    | 'contains'
    | 'notContains'
    | 'startsWith'
    | 'greaterThan'
    | 'lessThan'
    | 'isEmpty'
    | 'isNotEmpty';
  /**
   * Valor compared with the variable. Not used by `isEmpty` and `isNotEmpty`.
   */
  value?: string | number;
}
/**
 * Horário: checks the current time against a schedule group and branches.
 *
 * This interface was referenced by `ConectaConfig`'s JSON-Schema
 * via the `definition` "FlowBlockSchedule".
 */
export interface FlowBlockSchedule {
  /**
   * Block type: `schedule` (Horário).
   */
  type: 'schedule';
  /**
   * Grupo de horários whose opening hours are checked, by name.
   */
  scheduleGroup: string;
  /**
   * Dentro do horário: the block that follows within the opening hours.
   */
  open: string;
  /**
   * Fora do horário: the block that follows outside them (holidays included).
   */
  closed: string;
}
/**
 * Equipe/Transferência: hands the contact to a team's human queue. Terminal: the flow ends here.
 *
 * This interface was referenced by `ConectaConfig`'s JSON-Schema
 * via the `definition` "FlowBlockTransfer".
 */
export interface FlowBlockTransfer {
  /**
   * Block type: `transfer` (Equipe/Transferência).
   */
  type: 'transfer';
  /**
   * Equipe that receives the contact, by name.
   */
  team: string;
  /**
   * Mensagem sent to the contact before the transfer, such as "Aguarde, vamos te atender."
   */
  message?: string;
}
/**
 * REST/HTTP: calls an HTTP API (integration) and branches on the outcome.
 *
 * This interface was referenced by `ConectaConfig`'s JSON-Schema
 * via the `definition` "FlowBlockHttp".
 */
export interface FlowBlockHttp {
  /**
   * Block type: `http` (REST/HTTP).
   */
  type: 'http';
  /**
   * Método HTTP.
   */
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /**
   * URL called. Put credentials in `headers`, not in the URL.
   */
  url: string;
  /**
   * Cabeçalhos sent with the request. Values are sensitive: never shown in plans or output; write `${env:NAME}` for tokens.
   */
  headers?: {
    [k: string]: string | undefined;
  };
  /**
   * Corpo of the request (for POST, PUT and PATCH), usually JSON.
   */
  body?: string;
  /**
   * The variable that receives the response body, for later blocks.
   */
  saveResponse?: string;
  /**
   * Sucesso: the block that follows a 2xx response.
   */
  success: string;
  /**
   * Erro: the block that follows any other status, a timeout or a network failure.
   */
  error: string;
}
/**
 * Variável: sets a flow variable or contact field.
 *
 * This interface was referenced by `ConectaConfig`'s JSON-Schema
 * via the `definition` "FlowBlockSetVariable".
 */
export interface FlowBlockSetVariable {
  /**
   * Block type: `setVariable` (Variável).
   */
  type: 'setVariable';
  /**
   * The variable set: a name, or `contact.<field>` for a contact field.
   */
  variable: string;
  /**
   * Valor stored.
   */
  value: string;
  /**
   * The block that follows.
   */
  next: string;
}
/**
 * Avaliação: asks the contact to rate the service (satisfaction survey; the scale is set in the application settings) and waits for the answer.
 *
 * This interface was referenced by `ConectaConfig`'s JSON-Schema
 * via the `definition` "FlowBlockRating".
 */
export interface FlowBlockRating {
  /**
   * Block type: `rating` (Avaliação).
   */
  type: 'rating';
  /**
   * Pergunta sent to the contact, such as "De 1 a 5, como foi o atendimento?"
   */
  question: string;
  /**
   * The block that follows the answer.
   */
  next: string;
}
/**
 * Ir para fluxo: continues in another flow, from its start. Terminal within this flow.
 *
 * This interface was referenced by `ConectaConfig`'s JSON-Schema
 * via the `definition` "FlowBlockGotoFlow".
 */
export interface FlowBlockGotoFlow {
  /**
   * Block type: `gotoFlow` (Ir para fluxo).
   */
  type: 'gotoFlow';
  /**
   * Fluxo to continue in, by name.
   */
  flow: string;
}
/**
 * Finalização: ends the session without an agent. Terminal.
 *
 * This interface was referenced by `ConectaConfig`'s JSON-Schema
 * via the `definition` "FlowBlockEnd".
 */
export interface FlowBlockEnd {
  /**
   * Block type: `end` (Finalização).
   */
  type: 'end';
  /**
   * Mensagem de finalização sent to the contact.
   */
  message?: string;
  /**
   * Tabulação recorded on the session, by name.
   */
  tabulation?: string;
}
