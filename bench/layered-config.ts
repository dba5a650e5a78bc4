/**
 * A generated config whose objects form exactly four dependency levels, `perLevel` objects each:
 * tabulations (0) ← teams (1) ← user groups seeing those teams (2) ← administrators in those
 * groups (3). Used by the apply benchmark and the apply tests.
 */
import { stringify } from 'yaml';

export interface LayeredConfigOptions {
  perLevel: number;
  /** Prefix of every name, so that several configs can share a tenant. */
  prefix?: string;
}

export function generateLayeredConfig(options: LayeredConfigOptions): string {
  const prefix = options.prefix ?? 'bench';
  const indexes = Array.from({ length: options.perLevel }, (_, i) => String(i).padStart(4, '0'));
  return stringify({
    version: 1,
    tabulations: indexes.map((i) => ({ name: `${prefix} tabulation ${i}` })),
    teams: indexes.map((i) => ({ name: `${prefix} team ${i}`, tabulations: [`${prefix} tabulation ${i}`] })),
    userGroups: indexes.map((i) => ({ name: `${prefix} group ${i}`, viewByTeams: true, visibleTeams: [`${prefix} team ${i}`] })),
    administrators: indexes.map((i) => ({ email: `${prefix}-admin-${i}@example.com`, name: `${prefix} admin ${i}`, userGroup: `${prefix} group ${i}` })),
  });
}
