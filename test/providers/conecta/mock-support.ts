/** An undici MockAgent tenant at https://acme.conecta.com.vc replaying szchat-go-shaped payloads, and a fake clock. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MockAgent, type Interceptable } from 'undici';
import type { ProviderEvent } from '../../../providers/contract.js';
import { ConectaProvider, type Clock, type ConectaProviderOptions } from '../../../providers/conecta/index.js';
import { createRedactor } from '../../../cli/io/redactor.js';

export const ORIGIN = 'https://acme.conecta.com.vc';
const fixtureDir = join(import.meta.dirname, '..', '..', 'fixtures', 'szchat');

export function readFixture(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join(fixtureDir, `${name}.json`), 'utf8')) as Record<string, unknown>;
}

export interface FakeClock extends Clock {
  sleeps: number[];
}

export function createFakeClock(): FakeClock {
  let now = 0;
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => now,
    sleep: async (ms) => {
      sleeps.push(ms);
      now += ms;
    },
    random: () => 0.5,
  };
}

export interface MockTenant {
  agent: MockAgent;
  pool: Interceptable;
  clock: FakeClock;
  events: ProviderEvent[];
  provider: ConectaProvider;
}

/** `path` matcher: the API path, whatever the query. */
export function apiPath(path: string): (actual: string) => boolean {
  return (actual) => actual.split('?')[0] === `/api/v4${path}`;
}

const LISTS: Record<string, string> = {
  '/campaigns': 'teams', '/agents': 'agents', '/admins': 'admins', '/userGroup': 'user-groups', '/timeGroup': 'time-groups',
  '/pauses': 'pauses', '/predefined_messages': 'predefined-messages', '/tabulations': 'tabulations',
  '/wordFilter/agents': 'word-filter-agents', '/wordFilter/contacts': 'word-filter-contacts',
  '/contacts/groups': 'contact-groups', '/blockedNumbers': 'blocked-numbers', '/contacts/fields': 'contact-fields',
};

/** Version, /auth/me and `/flows` → 404 (no public flow endpoint), each persisting. */
export function interceptHandshake(pool: Interceptable): void {
  pool.intercept({ path: '/api/version', method: 'GET' }).reply(200, { version: '4' }).persist();
  pool.intercept({ path: '/api/v4/auth/me', method: 'GET' }).reply(200, readFixture('me')).persist();
  pool.intercept({ path: apiPath('/flows'), method: 'GET' }).reply(404, { error: 'Not Found' }).persist();
}

/** Every list endpoint answering its recorded page, persisting. */
export function interceptLists(pool: Interceptable): void {
  for (const [path, fixture] of Object.entries(LISTS)) pool.intercept({ path: apiPath(path), method: 'GET' }).reply(200, readFixture(fixture)).persist();
}

export function createMockTenant(options: Partial<ConectaProviderOptions> = {}): MockTenant {
  const agent = new MockAgent();
  agent.disableNetConnect();
  const pool = agent.get(ORIGIN);
  const clock = createFakeClock();
  const events: ProviderEvent[] = [];
  const provider = new ConectaProvider({
    url: ORIGIN,
    credentials: { token: 'tok-0123456789' },
    redactor: createRedactor(),
    dispatcher: agent,
    clock,
    onEvent: (event) => events.push(event),
    ...options,
  });
  return { agent, pool, clock, events, provider };
}
