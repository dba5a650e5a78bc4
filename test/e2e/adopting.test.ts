/**
 * docs/adopting.md, "Adopting some kinds first", followed literally (issue 14.2): the commands
 * and files of the marked blocks are run as written, with the built CLI against a sandbox that
 * holds the Acme example tenant.
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createProject, createSandbox, runCli, sandboxEnv, type CliResult } from '../faults/cli-harness.js';

const E2E_TIMEOUT_MS = 180_000;
const root = fileURLToPath(new URL('../..', import.meta.url));

type Step = { type: 'command'; args: string[] } | { type: 'file'; path: string; content: string };

/** The marked blocks of the document, in order: each `conecta …` line of a commands block, and each file. */
function readExample(markdown: string): Step[] {
  const steps: Step[] = [];
  const pattern = /<!-- adopting-example: ([^\s]+)[^>]*-->\n```\w+\n([\s\S]*?)```/g;
  for (const [, target, body] of markdown.matchAll(pattern)) {
    if (target === 'commands') {
      for (const line of body!.split('\n')) {
        const command = line.replace(/#.*$/, '').trim();
        if (command === '') continue;
        const [program, ...args] = command.split(/\s+/);
        expect(program).toBe('conecta');
        steps.push({ type: 'command', args });
      }
    } else {
      steps.push({ type: 'file', path: target!, content: body! });
    }
  }
  return steps;
}

/** What the document says each command does, in order. */
const expectations: ((result: CliResult) => void)[] = [
  (exported) => expect(exported.code, exported.stderr).toBe(0),
  (validated) => {
    expect(validated.code, validated.stderr).toBe(0);
    expect(validated.stderr).toMatch(/notice CONFIG_LIVE_REFERENCE .*tabulations.* plan checks them in the tenant/);
    expect(validated.stderr).toMatch(/notice CONFIG_LIVE_REFERENCE .*predefined messages/);
    expect(validated.stdout).toContain('Configuration is valid.');
  },
  (planned) => {
    expect(planned.code, planned.stderr).toBe(0);
    expect(planned.stdout).toContain('No changes.');
    expect(planned.stdout).toContain('Not managed (kept)');
  },
  (planned) => {
    expect(planned.code, planned.stderr).toBe(0);
    expect(planned.stdout).toContain('+ team.Ouvidoria will be created');
    expect(planned.stdout).toContain('Plan: 1 to create, 0 to update, 0 to delete');
  },
  (applied) => expect(applied.code, applied.stderr).toBe(0),
];

describe('docs/adopting.md (end to end)', () => {
  it('adopts teams and agents only: the export plans "No changes." and references to other kinds resolve in the tenant', async () => {
    const sandbox = await createSandbox();
    const env = sandboxEnv(sandbox);
    const cwd = createProject({});
    cpSync(join(root, 'examples', 'acme-contact-center'), join(cwd, 'seed'), { recursive: true });
    const seeded = await runCli(['apply', 'seed', '--auto-approve'], { cwd, env });
    expect(seeded.code, seeded.stderr).toBe(0);

    const steps = readExample(readFileSync(join(root, 'docs', 'adopting.md'), 'utf8'));
    expect(steps.filter((step) => step.type === 'command')).toHaveLength(expectations.length);
    let index = 0;
    for (const step of steps) {
      if (step.type === 'file') {
        writeFileSync(join(cwd, step.path), step.content);
        continue;
      }
      expectations[index++]!(await runCli(step.args, { cwd, env }));
    }
    const resolvido = sandbox.store.list('tabulation').find((tabulation) => tabulation.name === 'Resolvido')!;
    expect(sandbox.store.list('team').find((team) => team.name === 'Ouvidoria')).toMatchObject({ tabulations: [resolvido._id] });

    // "Had it named a tabulation the tenant does not have…"
    const file = steps.find((step): step is Extract<Step, { type: 'file' }> => step.type === 'file')!;
    writeFileSync(join(cwd, file.path), file.content.replace('[Resolvido]', '[Resolvdo]'));
    sandbox.resetAudit();
    const refused = await runCli(['plan', dirname(file.path)], { cwd, env });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`${file.path}:4:19 error PLAN_UNKNOWN_REFERENCE`);
    expect(refused.stderr).toContain('Did you mean `Resolvido`?');
    expect(sandbox.audit().writes).toBe(0);
  }, E2E_TIMEOUT_MS);
});
