/**
 * One named normaliser per kind, applied to the desired and the live spec alike, so that only
 * real differences remain: schema defaults, set-like lists sorted, ordered lists kept (menu
 * options, a team's `agentOrder`), texts and durations in canonical form, e-mails lower-cased.
 */
import { allKinds } from '../kinds/registry.js';
import { getKindSchema } from '../kinds/schema-walk.js';
import type { Kind, Spec } from '../model/resource.js';
import { normalizeBySchema } from './normalize-by-schema.js';

export function normalizeUserGroup(spec: Spec): Spec {
  return normalizeBySchema('user-group', spec);
}

/** The login e-mail is the identity and the vendor ignores its case. */
export function normalizeAdministrator(spec: Spec): Spec {
  return lowerCaseEmail(normalizeBySchema('administrator', spec));
}

export function normalizeTabulation(spec: Spec): Spec {
  return normalizeBySchema('tabulation', spec);
}

export function normalizePredefinedMessage(spec: Spec): Spec {
  return normalizeBySchema('predefined-message', spec);
}

/** `agentOrder` stays in the written order (it is the sequential rule's order); tabulations, messages and transfer teams are sets. */
export function normalizeTeam(spec: Spec): Spec {
  return normalizeBySchema('team', spec);
}

/** The login e-mail is the identity and the vendor ignores its case; `teams` is a set. */
export function normalizeAgent(spec: Spec): Spec {
  return lowerCaseEmail(normalizeBySchema('agent', spec));
}

export function normalizeScheduleGroup(spec: Spec): Spec {
  return normalizeBySchema('schedule-group', spec);
}

/** Conecta ignores case when it matches words, and the word is part of the identity. */
export function normalizeWordFilter(spec: Spec): Spec {
  const result = normalizeBySchema('word-filter', spec);
  if (typeof result.word === 'string') result.word = result.word.trim().toLowerCase();
  return result;
}

export function normalizePause(spec: Spec): Spec {
  return normalizeBySchema('pause', spec);
}

/** Blocks keep their ids; block fields follow the flow block schema (texts, sensitive headers). */
export function normalizeFlow(spec: Spec): Spec {
  return normalizeBySchema('flow', spec);
}

const normalizers: Record<Kind, (spec: Spec) => Spec> = {
  'user-group': normalizeUserGroup,
  administrator: normalizeAdministrator,
  tabulation: normalizeTabulation,
  'predefined-message': normalizePredefinedMessage,
  team: normalizeTeam,
  agent: normalizeAgent,
  'schedule-group': normalizeScheduleGroup,
  'word-filter': normalizeWordFilter,
  pause: normalizePause,
  flow: normalizeFlow,
};

/** Returns a normalised copy of `spec`; the input is not changed. */
export function normalizeSpec(kind: Kind, spec: Spec): Spec {
  return normalizers[kind](spec);
}

/** Top-level fields that are written but never read back (initial passwords): left out of comparisons. */
export function listWriteOnlyFields(kind: Kind): readonly string[] {
  return writeOnlyFields.get(kind) ?? [];
}

const writeOnlyFields = new Map<Kind, string[]>(allKinds.map((kind) => [
  kind,
  Object.entries(getKindSchema(kind).properties ?? {}).filter(([, node]) => node.writeOnly === true).map(([key]) => key),
]));

/** The spec as compared with the other side: write-only fields removed. */
export function toComparableSpec(kind: Kind, spec: Spec): Spec {
  const writeOnly = listWriteOnlyFields(kind);
  if (!writeOnly.some((field) => field in spec)) return spec;
  const result = { ...spec };
  for (const field of writeOnly) delete result[field];
  return result;
}

function lowerCaseEmail(spec: Spec): Spec {
  if (typeof spec.email === 'string') spec.email = spec.email.toLowerCase();
  return spec;
}
