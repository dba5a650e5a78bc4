/**
 * A fast-check arbitrary of whole tenants in model terms, valid against the schema: every kind,
 * references between them (teams ↔ agents, overflow, ending flows, flow blocks → teams, schedule
 * groups, tabulations, other flows), names with accents, emoji and words YAML 1.1 misreads, long
 * multi-line texts with trailing spaces and CRLF, empty lists, and flow HTTP headers (secrets).
 *
 * Seed a sandbox with it through the Provider port: `buildPlan(toDesiredState(tenant), empty)`
 * then `executePlan`, which creates objects in dependency order and breaks reference cycles.
 */
import fc from 'fast-check';
import { formatWordFilterName, getKindInfo, toResourceKey } from '../../cli/core/kinds/registry.js';
import type { DesiredResource, DesiredState, JsonValue, Kind, Spec } from '../../cli/core/model/resource.js';

export interface RandomTenant {
  /** In the registry's kind order. */
  resources: { kind: Kind; spec: Spec }[];
}

export interface RandomTenantOptions {
  /** Upper bound of objects per kind (default 4). */
  maxPerKind?: number;
  /** Whether to generate flows (default true). */
  hasFlows?: boolean;
}

const WORDS = ['SAC', 'Vendas', 'Ação', 'Atenção 🚀', 'São Paulo', 'Über', 'ñandú', 'Çà', '😀', 'Financeiro', 'yes', 'on', 'No', '1042', '08:00', 'null', '#1', 'a: b', "D'Ávila", '"aspas"', 'x'];
const LINES = ['Olá {{nome}}!', 'Linha com espaços no fim   ', '  recuada', '', 'tab\tno meio', 'chave: valor', '# não é comentário', 'Emoji 😀🎉', 'Acentuação: ç ã é ô ü', '- item', 'fim.'];
const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const PERMISSIONS = ['registration.agents', 'registration.teams', 'settings.flows', 'services.monitoring', 'reports.agents', 'reports.flows'];

const nameArb = fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 3 }).map((words) => words.join(' '));

function uniqueNames(max: number, minLength = 0): fc.Arbitrary<string[]> {
  return fc.uniqueArray(nameArb, { minLength, maxLength: max, selector: (name) => name.toLowerCase() });
}

/** A text whose first line is not blank, lines joined by `\n` or `\r\n`, sometimes with a trailing line break. */
export const textArb: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom(...LINES.filter((line) => line.trim() !== '')), fc.array(fc.constantFrom(...LINES), { maxLength: 12 }), fc.constantFrom('\n', '\r\n'), fc.boolean())
  .map(([first, rest, eol, hasTrailingBreak]) => [first, ...rest].join(eol) + (hasTrailingBreak ? eol : ''));

const optionalTextArb = fc.oneof(fc.constant(''), textArb);
const durationArb = fc.constantFrom('0s', '45s', '30m', '90m', '1h30m', '2h', '1d');
/** Conecta counts a team's session time in whole minutes. */
const minutesArb = fc.constantFrom('0m', '30m', '90m', '1h30m', '2h', '1d');
const timeArb = fc.tuple(fc.integer({ min: 0, max: 22 }), fc.constantFrom(0, 15, 30, 45)).map(([hour, minute]) => ({ hour, minute }));
const dateArb = fc.tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 })).map(([month, day]) => `${pad(month)}-${pad(day)}`);

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

/** `from` strictly before `to`. */
const hoursArb = timeArb.chain(({ hour, minute }) =>
  fc.integer({ min: hour + 1, max: 23 }).map((toHour) => ({ from: `${pad(hour)}:${pad(minute)}`, to: `${pad(toHour)}:${pad(minute)}` })));

function subset<T>(items: readonly T[]): fc.Arbitrary<T[]> {
  return items.length === 0 ? fc.constant([]) : fc.subarray([...items]);
}

function optional<T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> {
  return fc.option(arb, { nil: undefined });
}

/** Drops `undefined` fields so that specs stay plain JSON. */
function compact(fields: Record<string, JsonValue | undefined>): Spec {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as Spec;
}

export function arbitraryTenant(options: RandomTenantOptions = {}): fc.Arbitrary<RandomTenant> {
  const max = options.maxPerKind ?? 4;
  const hasFlows = options.hasFlows ?? true;
  return fc
    .record({
      tabulations: uniqueNames(max),
      messages: uniqueNames(max),
      scheduleGroups: uniqueNames(max),
      pauses: uniqueNames(max),
      contactGroups: uniqueNames(max),
      contactFields: fc.uniqueArray(fc.constantFrom('cpf', 'cnpj', 'matricula', 'Plano_Atual', 'data_nascimento', 'cep', '_interno'), { maxLength: max }),
      blockedNumbers: fc.uniqueArray(fc.integer({ min: 10_000_000, max: 99_999_999 }).map((local) => `55119${local}`), { maxLength: max }),
      userGroups: uniqueNames(max).map((names) => names.filter((name) => name.toLowerCase() !== 'administrador')),
      teams: uniqueNames(max),
      flows: hasFlows ? uniqueNames(Math.min(max, 3)) : fc.constant<string[]>([]),
      agentCount: fc.integer({ min: 0, max }),
      adminCount: fc.integer({ min: 0, max }),
      words: fc.record({
        agentBlocked: fc.uniqueArray(nameArb, { maxLength: max, selector: (word) => word.toLowerCase() }),
        noFlowStart: fc.uniqueArray(nameArb, { maxLength: max, selector: (word) => word.toLowerCase() }),
      }),
    })
    .chain((names) => {
      const emails = Array.from({ length: names.agentCount + names.adminCount }, (_, index) => `${['Maria', 'joao', 'ANA', 'ze.silva'][index % 4]}${index}@Acme.com.br`);
      const agentEmails = emails.slice(0, names.agentCount);
      const adminEmails = emails.slice(names.agentCount);
      return fc.record({
        tabulations: fc.constant(names.tabulations.map((name) => ({ name }))),
        messages: fc.tuple(...names.messages.map((name) => textArb.map((text) => ({ name, text })))),
        scheduleGroups: fc.tuple(...names.scheduleGroups.map((name) => scheduleGroupArb(name))),
        pauses: fc.tuple(...names.pauses.map((name) => pauseArb(name))),
        contactGroups: fc.constant(names.contactGroups.map((name) => ({ name }))),
        contactFields: fc.tuple(...names.contactFields.map((name) => contactFieldArb(name))),
        blockedNumbers: fc.constant(names.blockedNumbers.map((number) => ({ number }))),
        userGroups: fc.tuple(...names.userGroups.map((name) => userGroupArb(name, names.teams))),
        administrators: fc.tuple(...adminEmails.map((email) => administratorArb(email, ['Administrador', ...names.userGroups]))),
        agents: fc.tuple(...agentEmails.map((email) => agentArb(email, names.teams))),
        teamFields: fc.tuple(...names.teams.map((name) => teamArb(name, names))),
        flows: fc.tuple(...names.flows.map((name, index) => flowArb(name, names.flows.slice(0, index), names))),
        words: fc.constant(names.words),
      });
    })
    .map((parts) => {
      const teams = parts.teamFields.map((team) => withAgentOrder(team, parts.agents));
      const words = (['agentBlocked', 'noFlowStart'] as const).flatMap((list) => parts.words[list].map((word) => ({ list, word })));
      const resources: RandomTenant['resources'] = [
        ...parts.tabulations.map((spec) => ({ kind: 'tabulation' as const, spec })),
        ...parts.messages.map((spec) => ({ kind: 'predefined-message' as const, spec })),
        ...parts.scheduleGroups.map((spec) => ({ kind: 'schedule-group' as const, spec })),
        ...parts.pauses.map((spec) => ({ kind: 'pause' as const, spec })),
        ...parts.contactGroups.map((spec) => ({ kind: 'contact-group' as const, spec })),
        ...parts.contactFields.map((spec) => ({ kind: 'contact-field' as const, spec })),
        ...parts.blockedNumbers.map((spec) => ({ kind: 'blocked-number' as const, spec })),
        ...words.map((spec) => ({ kind: 'word-filter' as const, spec })),
        ...parts.userGroups.map((spec) => ({ kind: 'user-group' as const, spec })),
        ...parts.administrators.map((spec) => ({ kind: 'administrator' as const, spec })),
        ...teams.map((spec) => ({ kind: 'team' as const, spec })),
        ...parts.agents.map((spec) => ({ kind: 'agent' as const, spec })),
        ...parts.flows.map((spec) => ({ kind: 'flow' as const, spec })),
      ];
      return { resources };
    });
}

function scheduleGroupArb(name: string): fc.Arbitrary<Spec> {
  // Intervals never overlap: each takes its own weekdays.
  const intervalsArb = fc.tuple(fc.shuffledSubarray(DAYS), fc.array(hoursArb, { maxLength: 3 })).map(([days, hours]) => {
    const size = Math.ceil(days.length / Math.max(hours.length, 1));
    return hours.map((range, index) => ({ days: days.slice(index * size, (index + 1) * size), ...range })).filter((interval) => interval.days.length > 0);
  });
  return fc.record({
    intervals: intervalsArb,
    holidays: fc.uniqueArray(fc.tuple(dateArb, nameArb).map(([date, holiday]) => ({ date, name: holiday })), { maxLength: 3, selector: (holiday) => holiday.date }),
    exceptions: fc.uniqueArray(fc.tuple(dateArb, nameArb, hoursArb).map(([date, label, hours]) => ({ date, name: label, ...hours })), { maxLength: 2, selector: (exception) => exception.date }),
  }).map((fields) => ({ name, ...fields }));
}

function pauseArb(name: string): fc.Arbitrary<Spec> {
  return fc.record({
    description: fc.constantFrom('', 'Intervalo', 'Café ☕'),
    maxDuration: durationArb,
    productive: fc.boolean(),
    cumulative: fc.boolean(),
    supervised: fc.boolean(),
    continueAttendances: fc.boolean(),
    active: fc.boolean(),
    message: optionalTextArb,
  }).map((fields) => ({ name, ...fields }));
}

function userGroupArb(name: string, teams: string[]): fc.Arbitrary<Spec> {
  return fc.record({
    fullPermission: fc.boolean(),
    viewByTeams: fc.boolean(),
    visibleTeams: subset(teams),
    permissions: subset(PERMISSIONS),
  }).map((fields) => ({ name, ...fields }));
}

function administratorArb(email: string, userGroups: string[]): fc.Arbitrary<Spec> {
  return fc.record({
    name: nameArb,
    userGroup: fc.constantFrom(...userGroups),
    recoveryEmail: optional(fc.constant(`recupera.${email.toLowerCase()}`)),
    disabled: fc.boolean(),
    remoteAuth: fc.boolean(),
    language: fc.constantFrom('pt-BR', 'en', 'es'),
  }).map((fields) => compact({ email, ...fields }));
}

function agentArb(email: string, teams: string[]): fc.Arbitrary<Spec> {
  return fc.record({
    name: nameArb,
    recoveryEmail: optional(fc.constant(`recupera.${email.toLowerCase()}`)),
    codename: fc.constantFrom('', '1042', 'on', 'Zé'),
    extension: fc.constantFrom('', '2001', '0042'),
    teams: subset(teams),
    loginHours: optional(hoursArb),
    conversationHistory: fc.constantFrom('inherit', 'none', 'all', 'teamSessions'),
    maxSimultaneousChats: fc.integer({ min: 0, max: 100 }),
    hideRatingStars: fc.boolean(),
    remoteAuth: fc.boolean(),
  }).map((fields) => compact({ email, ...fields }));
}

interface Names {
  teams: string[];
  contactGroups: string[];
  tabulations: string[];
  messages: string[];
  scheduleGroups: string[];
  flows: string[];
}

function contactFieldArb(name: string): fc.Arbitrary<Spec> {
  return fc.record({
    description: optionalTextArb.map((text) => text.split(/\r?\n/)[0]!.trim().slice(0, 100)),
    identifier: fc.boolean(),
    required: fc.boolean(),
    searchable: fc.boolean(),
    showDescriptionToAgent: fc.boolean(),
    validation: fc.constantFrom('', 'cpf', 'numbers'),
    lengthRule: optional(fc.record({ op: fc.constantFrom('>=', '<=', '<>', '='), value: fc.integer({ min: 0, max: 200 }) })),
  }).map((fields) => compact({ name, ...fields }));
}

function teamArb(name: string, names: Names): fc.Arbitrary<Spec> {
  const others = names.teams.filter((team) => team !== name);
  const permissionKeys = ['editContact', 'finishAttendance', 'showNumber', 'offlineAttendance', 'agentChat', 'teamChat', 'sendEmojis', 'showMessagePreview', 'autoAttendance', 'hideContactOnHold', 'hideContactOnAgentScreen', 'voiceRecording'];
  return fc.record({
    sessionTimeout: minutesArb,
    distributionRule: fc.constantFrom('all', 'leastBusy', 'sequential', 'contactGroup'),
    closingMessage: optionalTextArb,
    noAgentMessage: optionalTextArb,
    conversationHistory: fc.constantFrom('none', 'all', 'teamSessions'),
    overflowTeam: others.length === 0 ? fc.constant(undefined) : optional(fc.constantFrom(...others)),
    waitTimeout: others.length === 0 ? fc.constant(undefined) : optional(fc.record({ after: durationArb.filter((after) => after !== '0s'), redirectTo: fc.constantFrom(...others) })),
    transferTeams: subset(others),
    contactActiveByGroup: subset(names.contactGroups),
    tabulations: subset(names.tabulations),
    predefinedMessages: subset(names.messages),
    endingFlow: names.flows.length === 0 ? fc.constant(undefined) : optional(fc.constantFrom(...names.flows)),
    permissions: fc.dictionary(fc.constantFrom(...permissionKeys), fc.boolean(), { maxKeys: 4 }),
  }).map((fields) => compact({ name, ...fields }));
}

/** `agentOrder`: some of the team's members (agents list their teams), in a random but fixed order. */
function withAgentOrder(team: Spec, agents: Spec[]): Spec {
  const members = agents.filter((agent) => (agent.teams as string[] | undefined)?.includes(team.name as string)).map((agent) => agent.email as string);
  if (members.length === 0 || team.distributionRule !== 'sequential') return team;
  // Reverse order on purpose: agentOrder is ordered, not a set, and must come back as written.
  return { ...team, agentOrder: [...members].reverse() };
}

function flowArb(name: string, earlierFlows: string[], names: Names): fc.Arbitrary<Spec> {
  return fc.record({
    description: fc.constantFrom('', 'Fluxo principal', 'Atendimento 24h 😀'),
    welcome: textArb.map((text) => text.slice(0, 4000)),
    menuText: textArb,
    team: names.teams.length === 0 ? fc.constant(undefined) : optional(fc.constantFrom(...names.teams)),
    scheduleGroup: names.scheduleGroups.length === 0 ? fc.constant(undefined) : optional(fc.constantFrom(...names.scheduleGroups)),
    tabulation: names.tabulations.length === 0 ? fc.constant(undefined) : optional(fc.constantFrom(...names.tabulations)),
    gotoFlow: earlierFlows.length === 0 ? fc.constant(undefined) : optional(fc.constantFrom(...earlierFlows)),
    hasHttp: fc.boolean(),
    token: fc.constantFrom('Bearer abc123', 'secret-😀-value', 'k: v'),
    endMessage: optional(textArb),
  }).map((choice) => {
    const blocks: Record<string, JsonValue> = {};
    const options: { key: string; label: string; next: string }[] = [];
    const addOption = (label: string, next: string) => options.push({ key: String(options.length + 1), label, next });
    blocks.inicio = { type: 'message', text: choice.welcome, next: 'menu' };
    if (choice.team) {
      blocks.atendimento = { type: 'transfer', team: choice.team, message: 'Transferindo…' };
      if (choice.scheduleGroup) {
        blocks.horario = { type: 'schedule', scheduleGroup: choice.scheduleGroup, open: 'atendimento', closed: 'fim' };
        addOption('Falar com atendente', 'horario');
      } else addOption('Falar com atendente', 'atendimento');
    }
    if (choice.hasHttp) {
      blocks.consulta = { type: 'http', method: 'POST', url: 'https://api.acme.com.br/pedidos', headers: { Authorization: choice.token, 'X-Tenant': 'acme' }, body: '{"cpf": "{{cpf}}"}', success: 'fim', error: 'fim' };
      addOption('Consultar pedido', 'consulta');
    }
    if (choice.gotoFlow) {
      blocks.outro = { type: 'gotoFlow', flow: choice.gotoFlow };
      addOption('Outro assunto', 'outro');
    }
    addOption('Sair ✋', 'fim');
    blocks.menu = { type: 'menu', text: choice.menuText, options, invalid: 'fim' };
    blocks.fim = compact({ type: 'end', message: choice.endMessage, tabulation: choice.tabulation });
    return { name, description: choice.description, start: 'inicio', blocks };
  });
}

/** The tenant as a config would describe it, for `buildPlan` against an empty tenant. */
export function toDesiredState(tenant: RandomTenant): DesiredState {
  const resources: DesiredResource[] = tenant.resources.map(({ kind, spec }) => {
    const name = kind === 'word-filter'
      ? formatWordFilterName(spec.list as string, spec.word as string)
      : String(spec[getKindInfo(kind).keyField ?? 'name']);
    return { kind, name, key: toResourceKey(kind, name), spec };
  });
  return { resources, prune: {} };
}
