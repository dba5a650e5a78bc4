import { describe, expect, it } from 'vitest';
import { ConectaError } from '../../../cli/core/errors.js';
import { parseKindList } from '../../../cli/core/export/parse-kind-list.js';

describe('parseKindList', () => {
  it('accepts YAML keys and kind names, in registry order without repeats', () => {
    expect(parseKindList('agents, teams,userGroups,team,word-filter')).toEqual(['word-filter', 'user-group', 'team', 'agent']);
  });

  it('names every unknown kind and lists the valid ones', () => {
    const error = (() => {
      try {
        parseKindList('teams,queues,bots');
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(ConectaError);
    expect(error).toMatchObject({ code: 'EXPORT_UNKNOWN_KIND', message: 'Unknown kind: queues, bots.', hint: expect.stringContaining('predefinedMessages') });
  });

  it('refuses an empty list', () => {
    expect(() => parseKindList(' , ')).toThrow('No kind given.');
  });
});
