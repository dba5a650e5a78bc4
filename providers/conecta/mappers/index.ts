/** The mapping module of every kind. */
import type { Kind } from '../../../cli/core/model/resource.js';
import { administratorMapper } from './administrator.js';
import { agentMapper } from './agent.js';
import { blockedNumberMapper } from './blocked-number.js';
import { contactFieldMapper } from './contact-field.js';
import { contactGroupMapper } from './contact-group.js';
import { flowMapper } from './flow.js';
import { pauseMapper } from './pause.js';
import { predefinedMessageMapper } from './predefined-message.js';
import { scheduleGroupMapper } from './schedule-group.js';
import { tabulationMapper } from './tabulation.js';
import { teamMapper } from './team.js';
import type { KindMapper } from './types.js';
import { userGroupMapper } from './user-group.js';
import { wordFilterMapper } from './word-filter.js';

export const kindMappers: Readonly<Record<Kind, KindMapper>> = {
  'user-group': userGroupMapper,
  administrator: administratorMapper,
  tabulation: tabulationMapper,
  'predefined-message': predefinedMessageMapper,
  team: teamMapper,
  agent: agentMapper,
  'schedule-group': scheduleGroupMapper,
  'word-filter': wordFilterMapper,
  pause: pauseMapper,
  'contact-group': contactGroupMapper,
  'contact-field': contactFieldMapper,
  'blocked-number': blockedNumberMapper,
  flow: flowMapper,
};
