/**
 * Values the API cannot hold are caught before any write (issue 14.4), end to end. Every rule a
 * client mapper (providers/conecta/mappers) relies on — a parse that throws, a value it reads back
 * only in one form, a wire shape that reads back as something else — has a line in the config
 * below; `validate` reports each at its file and line, and `apply` stops before the first write.
 * The corrected config then applies and plans "No changes.".
 */
import { describe, expect, it } from 'vitest';
import { createProject, createSandbox, runCli, sandboxEnv } from '../faults/cli-harness.js';

const E2E_TIMEOUT_MS = 120_000;

/** Each problem: the line that holds it (marked `# <code>`), and the code validate must report there. */
const INVALID = `version: 1
tabulations:
  - name: Resolvido
  - name: ${'x'.repeat(201)} # CONFIG_RANGE (a name longer than 200 characters)
userGroups:
  - name: Supervisores
administrators:
  - email: bia@acme.com.br
    name: Bia
    userGroup: Supervisores
    recoveryEmail: BIA@acme.com.br # CONFIG_RECOVERY_IS_LOGIN (read back as "use the login")
    language: fr # CONFIG_ENUM
teams:
  - name: SAC
    sessionTimeout: 90s # CONFIG_FORMAT (team.ts: the wire counts whole minutes)
    waitTimeout: { after: "10", redirectTo: SAC } # CONFIG_FORMAT (duration.ts: a bare number is not a duration)
agents:
  - email: ana@acme.com.br
    name: Ana
    recoveryEmail: ana@acme.com.br # CONFIG_RECOVERY_IS_LOGIN
    teams: [Suporte] # CONFIG_UNKNOWN_REFERENCE (idOf: no such team)
    loginHours: { from: "8:00", to: "18:00" } # CONFIG_FORMAT (HH:MM on the wire)
    maxSimultaneousChats: 2.5 # CONFIG_TYPE (read back as a whole number)
  - email: caio@acme.com.br
    name: Caio
    maxSimultaneousChats: 101 # CONFIG_RANGE
pauses:
  - name: Almoço
    maxDuration: 1.5h # CONFIG_FORMAT (duration.ts)
scheduleGroups:
  - name: Comercial
    intervals:
      - { days: [mon], from: "08:00", to: "12:00" }
      - { days: [tue], from: "08:00", to: "12:00" } # CONFIG_SCHEDULE_SAME_HOURS (read back as one interval)
    holidays:
      - { date: "02-30", name: Inexistente } # CONFIG_SCHEDULE_DATE
    exceptions:
      - { date: "12-24", name: Véspera, from: "00:00", to: "00:00" } # CONFIG_SCHEDULE_RANGE (read back as a holiday)
wordFilters:
  blocked: [palavrão] # CONFIG_UNKNOWN_KEY (word-filter.ts: two lists only)
contactFields:
  - name: CPF do cliente # CONFIG_FORMAT (Conecta turns spaces into _)
  - name: cpf
    lengthRule: { op: ">", value: 11 } # CONFIG_ENUM (contact-field.ts reads back four operators)
  - name: cep
    lengthRule: { op: "=", value: -8 } # CONFIG_RANGE
blockedNumbers:
  - number: "011 99999-0000" # CONFIG_FORMAT (a trunk prefix, not a country code)
`;

/** The same objects, written as Conecta holds them. */
const VALID = `version: 1
tabulations:
  - name: Resolvido
userGroups:
  - name: Supervisores
administrators:
  - email: bia@acme.com.br
    name: Bia
    userGroup: Supervisores
teams:
  - name: SAC
    sessionTimeout: 2m
    waitTimeout: { after: 10m, redirectTo: SAC }
agents:
  - email: ana@acme.com.br
    name: Ana
    teams: [SAC]
    loginHours: { from: "08:00", to: "18:00" }
    maxSimultaneousChats: 2
pauses:
  - name: Almoço
    maxDuration: 1h30m
scheduleGroups:
  - name: Comercial
    intervals:
      - { days: [mon, tue], from: "08:00", to: "12:00" }
    exceptions:
      - { date: "12-24", name: Véspera, from: "08:00", to: "12:00" }
wordFilters:
  agentBlocked: [palavrão]
contactFields:
  - name: CPF_do_cliente
  - name: cpf
    lengthRule: { op: ">=", value: 11 }
blockedNumbers:
  - number: "5511999990000"
`;

function listExpectedProblems(config: string): { line: number; code: string }[] {
  return config.split('\n').flatMap((text, index) => {
    const match = /# (CONFIG_[A-Z_]+)/.exec(text);
    return match ? [{ line: index + 1, code: match[1]! }] : [];
  });
}

describe('API constraints (end to end)', () => {
  it('reports every value a mapper cannot write or read back at its line in validate, and apply writes nothing', async () => {
    const sandbox = await createSandbox();
    const env = sandboxEnv(sandbox);
    const cwd = createProject({ 'tenant.yaml': INVALID });
    const expected = listExpectedProblems(INVALID);
    expect(expected).toHaveLength(19);

    const validated = await runCli(['validate'], { cwd, env });
    expect(validated.code).toBe(1);
    const reported = [...validated.stderr.matchAll(/tenant\.yaml:(\d+):\d+ error (CONFIG_[A-Z_]+)/g)].map((match) => ({ line: Number(match[1]), code: match[2]! }));
    for (const problem of expected) expect(reported, validated.stderr).toContainEqual(problem);
    expect(validated.stderr).toContain('must be a duration in whole minutes');

    const applied = await runCli(['apply', '--auto-approve'], { cwd, env });
    expect(applied.code).toBe(1);
    for (const problem of expected) expect(applied.stderr).toMatch(new RegExp(`tenant\\.yaml:${problem.line}:\\d+ error ${problem.code}`));
    expect(sandbox.audit().writes).toBe(0);
  }, E2E_TIMEOUT_MS);

  it('applies the same objects written as Conecta holds them, after which the plan says "No changes."', async () => {
    const sandbox = await createSandbox();
    const env = sandboxEnv(sandbox);
    const cwd = createProject({ 'tenant.yaml': VALID });
    const applied = await runCli(['apply', '--auto-approve'], { cwd, env });
    expect(applied.code, applied.stderr).toBe(0);
    const planned = await runCli(['plan', '--detailed-exitcode'], { cwd, env });
    expect(planned.stdout, planned.stderr).toContain('No changes.');
    expect(planned.code).toBe(0);
  }, E2E_TIMEOUT_MS);
});
