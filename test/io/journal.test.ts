import { appendFileSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openJournal, readLatestJournal } from '../../cli/io/journal.js';
import { createRedactor } from '../../cli/io/redactor.js';
import type { StepResult } from '../../cli/core/execute/types.js';

const plan = {
  target: { url: 'http://127.0.0.1:4010', isSandbox: true },
  fingerprints: { config: 'sha256:c', live: {} },
  changes: [{ id: 'team.SAC', action: 'create' as const, after: { name: 'SAC', password: 'hunter2-secret' } }],
};

const applied: StepResult = { id: 'team.SAC', address: 'team.SAC', kind: 'team', name: 'SAC', action: 'create', level: 0, status: 'applied', liveId: 'v-1', durationMs: 5 };

function readLines(file: string): Record<string, unknown>[] {
  return readFileSync(file, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe('run journal', () => {
  it('writes a header, an intent before and a result after each step, and a footer, in order', () => {
    const cwd = mkdtempSync(join(tmpdir(), 'conecta-journal-'));
    const journal = openJournal(cwd, plan as never, createRedactor(), () => new Date('2025-01-02T03:04:05.678Z'));
    journal.record({ type: 'step-started', id: 'team.SAC', address: 'team.SAC', action: 'create', level: 0 });
    journal.record({ type: 'step-finished', step: applied });
    journal.finish({ applied: 1, failed: 0, unknown: 0, skipped: 0, notStarted: 0 }, false);
    expect(journal.file).toMatch(/\.conecta\/runs\/2025-01-02T03-04-05-678Z-\d+\.ndjson$/);
    const lines = readLines(journal.file);
    expect(lines.map((line) => line.type)).toEqual(['run', 'intent', 'result', 'end']);
    expect(lines[0]).toMatchObject({ target: 'http://127.0.0.1:4010', changes: 1, planFingerprint: expect.stringMatching(/^sha256:[0-9a-f]{64}$/) });
    expect(lines[2]).toMatchObject({ step: 'team.SAC', status: 'applied', id: 'v-1' });
  });

  it('never writes specs, and masks secrets in messages', () => {
    const cwd = mkdtempSync(join(tmpdir(), 'conecta-journal-'));
    const journal = openJournal(cwd, plan as never, createRedactor(['hunter2-secret']));
    journal.record({ type: 'step-finished', step: { ...applied, status: 'failed', error: { code: 'PROVIDER_HTTP', message: 'rejected hunter2-secret' } } });
    journal.finish({ applied: 0, failed: 1, unknown: 0, skipped: 0, notStarted: 0 }, false);
    const text = readFileSync(journal.file, 'utf8');
    expect(text).not.toContain('hunter2-secret');
    expect(text).toContain('rejected ****');
  });

  it('records the creates the provider reconciled by natural key', () => {
    const cwd = mkdtempSync(join(tmpdir(), 'conecta-journal-'));
    const journal = openJournal(cwd, plan as never, createRedactor());
    journal.recordReconciled({ kind: 'team', name: 'SAC', how: 'found by name after a 504' });
    journal.finish({ applied: 0, failed: 0, unknown: 0, skipped: 0, notStarted: 0 }, false);
    expect(readLines(journal.file)[1]).toMatchObject({ type: 'reconciled', address: 'team.SAC', how: 'found by name after a 504' });
  });

  it('reports the steps the latest run started and never finished, ignoring a torn last line', () => {
    const cwd = mkdtempSync(join(tmpdir(), 'conecta-journal-'));
    openJournal(cwd, plan as never, createRedactor(), () => new Date('2025-01-01T00:00:00.000Z')).finish({ applied: 0, failed: 0, unknown: 0, skipped: 0, notStarted: 0 }, false);
    const journal = openJournal(cwd, plan as never, createRedactor(), () => new Date('2025-01-02T00:00:00.000Z'));
    journal.record({ type: 'step-started', id: 'team.SAC', address: 'team.SAC', action: 'create', level: 0 });
    journal.record({ type: 'step-started', id: 'team.B', address: 'team.B', action: 'create', level: 0 });
    journal.record({ type: 'step-finished', step: { ...applied, id: 'team.B', address: 'team.B' } });
    appendFileSync(journal.file, '{"type":"intent","ti');
    expect(readdirSync(join(cwd, '.conecta', 'runs'))).toHaveLength(2);
    expect(readLatestJournal(cwd)).toEqual({ file: journal.file, isComplete: false, unfinished: [{ step: 'team.SAC', address: 'team.SAC', action: 'create' }] });
  });

  it('finds no previous run in a directory that never had one', () => {
    expect(readLatestJournal(mkdtempSync(join(tmpdir(), 'conecta-journal-')))).toBeUndefined();
  });
});
