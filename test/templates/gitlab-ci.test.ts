import { execFile } from 'node:child_process';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const templates = join(import.meta.dirname, '../../cli/templates/gitlab');

interface GitLabJob { stage: string; rules?: { if: string }[]; script: string[]; after_script?: string[]; resource_group?: string; interruptible?: boolean; variables?: Record<string, string>; artifacts?: { when: string; paths: string[] } }

async function readPipeline(): Promise<Record<string, unknown>> {
  return parse(await readFile(join(templates, 'gitlab-ci.yml'), 'utf8'), { uniqueKeys: true }) as Record<string, unknown>;
}

describe('the GitLab CI template', () => {
  it('runs on merge requests, schedules and the default branch, in validate → plan → apply', async () => {
    const pipeline = await readPipeline();
    expect(pipeline.stages).toEqual(['validate', 'plan', 'apply']);
    expect((pipeline.workflow as { rules: { if: string }[] }).rules.map((rule) => rule.if)).toEqual([
      '$CI_PIPELINE_SOURCE == "merge_request_event"',
      '$CI_PIPELINE_SOURCE == "schedule"',
      '$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH && $CI_PIPELINE_SOURCE != "merge_request_event"',
    ]);
    expect((pipeline['conecta:validate'] as GitLabJob).script).toEqual(['npm exec --no -- conecta validate']);
    expect((pipeline.default as { image: string }).image).toBe('node:26');
  });

  it('plans merge requests of this project once, with the read-only token, cut by the CLI, and posts the comment even on failure', async () => {
    const plan = (await readPipeline())['conecta:plan:prod'] as GitLabJob;
    expect(plan.rules).toEqual([{ if: '$CI_PIPELINE_SOURCE == "merge_request_event" && $CI_MERGE_REQUEST_SOURCE_PROJECT_ID == $CI_PROJECT_ID' }]);
    expect(plan.variables).toEqual({ CONECTA_ENVIRONMENT: 'prod', CONECTA_TOKEN_PROD: '$CONECTA_PLAN_TOKEN_PROD' });
    const script = plan.script.join('\n');
    expect(script.match(/conecta plan /g)).toHaveLength(1);
    expect(script).toContain('--markdown --max-length 999000 --out plan.json --detailed-exitcode > plan.md || code=$?');
    expect(script).toContain('if [ "$code" -ne 0 ] && [ "$code" -ne 2 ]; then exit "$code"; fi');
    expect(plan.after_script).toEqual(['node .gitlab/conecta-mr-comment.mjs']);
    expect(plan.artifacts).toMatchObject({ when: 'always', paths: ['plan.md', 'plan-full.md', 'plan.json'] });
  });

  it('applies pushes to the default branch (never scheduled pipelines) with the protected write token, in one resource group per tenant, without --force', async () => {
    const apply = (await readPipeline())['conecta:apply:prod'] as GitLabJob & { environment: { name: string } };
    expect(apply.rules?.map((rule) => rule.if)).toEqual(['$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH && ($CI_PIPELINE_SOURCE == "push" || $CI_PIPELINE_SOURCE == "web")']);
    expect(apply.variables).toEqual({ CONECTA_ENVIRONMENT: 'prod', CONECTA_TOKEN_PROD: '$CONECTA_APPLY_TOKEN_PROD' });
    expect(apply.environment).toEqual({ name: 'prod' });
    expect(apply.resource_group).toBe('conecta-prod');
    expect(apply.interruptible).toBe(false);
    expect(apply.script).toEqual(['set -o pipefail', 'npm exec --no -- conecta apply --env "$CONECTA_ENVIRONMENT" --auto-approve 2>&1 | tee apply.txt']);
  });

  it('checks drift in scheduled pipelines with the read-only token, failing the job when the tenant drifted', async () => {
    const drift = (await readPipeline())['conecta:drift:prod'] as GitLabJob;
    expect(drift.rules).toEqual([{ if: '$CI_PIPELINE_SOURCE == "schedule"' }]);
    expect(drift.variables).toMatchObject({ CONECTA_TOKEN_PROD: '$CONECTA_PLAN_TOKEN_PROD' });
    expect(drift.script).toEqual(['npm exec --no -- conecta plan --env "$CONECTA_ENVIRONMENT" --out plan.json --detailed-exitcode']);
  });
});

describe('the GitLab merge-request comment script', () => {
  interface Note { id: number; body: string; system: boolean }
  let dir: string;
  let server: Server;
  let notes: Note[];
  let requests: { method: string; url: string; token: string | undefined; body?: { body: string } }[];

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'conecta-gl-comment-'));
    notes = [];
    requests = [];
    server = createServer((request, response) => {
      void readBody(request).then((text) => {
        const body = text ? (JSON.parse(text) as { body: string }) : undefined;
        requests.push({ method: request.method ?? '', url: request.url ?? '', token: request.headers['private-token'] as string | undefined, body });
        const url = new URL(request.url ?? '/', 'http://localhost');
        const base = '/api/v4/projects/group%2Fconecta/merge_requests/12/notes';
        response.setHeader('content-type', 'application/json');
        if (request.method === 'GET' && url.pathname === base) {
          const page = Number(url.searchParams.get('page'));
          const perPage = 2;
          response.setHeader('x-next-page', page * perPage < notes.length ? String(page + 1) : '');
          response.end(JSON.stringify(notes.slice((page - 1) * perPage, page * perPage)));
        } else if (request.method === 'POST' && url.pathname === base && body) {
          notes.push({ id: 100 + notes.length, body: body.body, system: false });
          response.end(JSON.stringify(notes.at(-1)));
        } else if (request.method === 'PUT' && url.pathname.startsWith(`${base}/`) && body) {
          const note = notes.find((item) => item.id === Number(url.pathname.split('/').pop()));
          if (note) note.body = body.body;
          response.statusCode = note ? 200 : 404;
          response.end(JSON.stringify(note ?? {}));
        } else {
          response.statusCode = 404;
          response.end('{}');
        }
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  });

  afterEach(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await rm(dir, { recursive: true, force: true });
  });

  function readBody(request: IncomingMessage): Promise<string> {
    return new Promise((resolve) => {
      let text = '';
      request.on('data', (chunk: Buffer) => { text += chunk.toString(); });
      request.on('end', () => resolve(text));
    });
  }

  async function runScript(overrides: Record<string, string> = {}): Promise<string> {
    const env = {
      PATH: process.env.PATH ?? '',
      CI_API_V4_URL: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v4`,
      CI_PROJECT_ID: 'group/conecta', CI_MERGE_REQUEST_IID: '12', CI_JOB_STATUS: 'success',
      CI_COMMIT_SHORT_SHA: 'abc1234', CI_JOB_URL: 'https://gitlab.example/job/9',
      CONECTA_ENVIRONMENT: 'prod', CONECTA_GITLAB_TOKEN: 'glpat-test-token',
      ...overrides,
    };
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [join(templates, 'conecta-mr-comment.mjs')], { cwd: dir, env });
    return stdout + stderr;
  }

  async function writePlan(markdown: string, plan: object) {
    await writeFile(join(dir, 'plan.md'), markdown);
    await writeFile(join(dir, 'plan.json'), JSON.stringify(plan));
  }

  it('posts one note with the hidden marker, then updates that note on the next pipeline', async () => {
    notes.push({ id: 1, body: 'LGTM', system: false }, { id: 2, body: 'added 1 commit', system: true }, { id: 3, body: 'another', system: false });
    await writePlan('**Plan:** 1 to create.\n', { summary: { create: 1, update: 0, delete: 0 }, safety: { isUnsafe: false, reasons: [] } });
    expect(await runScript()).toContain('plan comment posted on merge request !12');
    await writePlan('No changes.\n', { summary: { create: 0, update: 0, delete: 0 }, safety: { isUnsafe: false, reasons: [] } });
    expect(await runScript()).toContain('plan comment updated');
    const planNotes = notes.filter((note) => note.body.includes('<!-- conecta-plan:prod -->'));
    expect(planNotes).toHaveLength(1);
    expect(planNotes[0]?.body).toContain('No changes.');
    expect(requests.every((request) => request.token === 'glpat-test-token')).toBe(true);
  });

  it('flags deletes and unsafe plans in the note', async () => {
    await writePlan('plan\n', { summary: { create: 0, update: 0, delete: 2 }, safety: { isUnsafe: true, reasons: ['deletes 2 of 3 pauses'] } });
    await runScript();
    expect(notes[0]?.body).toContain('⚠️ **This plan deletes 2 object(s).**');
    expect(notes[0]?.body).toContain('🛑 **Unsafe plan:** deletes 2 of 3 pauses.');
  });

  it('replaces the plan with a failure notice when the job failed', async () => {
    await runScript({ CI_JOB_STATUS: 'failed' });
    expect(notes[0]?.body).toContain('### ❌ conecta plan · prod');
    expect(notes[0]?.body).toContain('https://gitlab.example/job/9');
  });

  it('skips the comment with a note when no GitLab token is configured, without failing the job', async () => {
    const output = await runScript({ CONECTA_GITLAB_TOKEN: '' });
    expect(output).toContain('CONECTA_GITLAB_TOKEN is not set');
    expect(requests).toEqual([]);
  });
});
