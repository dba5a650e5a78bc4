import { describe, expect, it } from 'vitest';
import { findClosestName } from '../../../cli/core/project/find-closest-name.js';

describe('findClosestName', () => {
  it.each<[string, string[], string | undefined]>([
    ['prd', ['local', 'prod', 'staging'], 'prod'],
    ['Staging', ['local', 'prod', 'staging'], 'staging'],
    ['stagin', ['local', 'prod', 'staging'], 'staging'],
    ['qa', ['local', 'prod', 'staging'], undefined],
    ['prod', [], undefined],
  ])('suggests a name for %s among %j (%s) only when it is a likely typo', (name, candidates, expected) => {
    expect(findClosestName(name, candidates)).toBe(expected);
  });
});
