/* global fetch */
// Posts the conecta plan as one merge-request comment per environment, updated in place: the
// comment is found by its hidden marker. Runs in the plan job's after_script, with Node only.
// Reads plan.md and plan.json from the working directory; needs CONECTA_GITLAB_TOKEN.
import { existsSync, readFileSync } from 'node:fs';

const env = process.env;
const environment = env.CONECTA_ENVIRONMENT ?? 'default';
const marker = `<!-- conecta-plan:${environment} -->`;

function buildBody() {
  const commit = env.CI_COMMIT_SHORT_SHA ?? '';
  const jobUrl = env.CI_JOB_URL ?? '';
  const parts = [marker];
  if (env.CI_JOB_STATUS !== 'success' || !existsSync('plan.md') || !existsSync('plan.json')) {
    parts.push(`### ❌ conecta plan · ${environment}`, `The plan failed for ${commit}; the error is in the [job log](${jobUrl}).`);
  } else {
    const json = JSON.parse(readFileSync('plan.json', 'utf8'));
    const plan = json.plan ?? json;
    const deletes = plan.summary?.delete ?? 0;
    parts.push(`### conecta plan · ${environment}`);
    if (deletes > 0) parts.push(`⚠️ **This plan deletes ${deletes} object(s).** Review each delete below.`);
    if (plan.safety?.isUnsafe) {
      parts.push(`🛑 **Unsafe plan:** ${(plan.safety.reasons ?? []).join('; ')}. The apply on merge will refuse it: CI never passes --force.`);
    }
    // Posted as the CLI wrote it: `plan --max-length` already cut it to fit a note.
    parts.push(readFileSync('plan.md', 'utf8'));
  }
  parts.push(`<sub>Commit ${commit} · [job](${jobUrl}) · the whole plan is plan-full.md in the job's artifacts</sub>`);
  return parts.join('\n\n');
}

async function callGitLab(method, path, body) {
  const response = await fetch(`${env.CI_API_V4_URL}${path}`, {
    method,
    headers: { 'PRIVATE-TOKEN': env.CONECTA_GITLAB_TOKEN, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${path} answered HTTP ${response.status}`);
  return { data: await response.json(), nextPage: response.headers.get('x-next-page') };
}

async function findPreviousNote(notesPath) {
  for (let page = '1'; page; ) {
    const { data, nextPage } = await callGitLab('GET', `${notesPath}?per_page=100&page=${page}`);
    const note = data.find((item) => !item.system && typeof item.body === 'string' && item.body.includes(marker));
    if (note) return note;
    page = nextPage;
  }
  return undefined;
}

async function postComment() {
  if (!env.CONECTA_GITLAB_TOKEN) {
    console.warn('conecta: CONECTA_GITLAB_TOKEN is not set, so the plan is not posted as a comment; it is in the job log and artifacts.');
    return;
  }
  const notesPath = `/projects/${encodeURIComponent(env.CI_PROJECT_ID)}/merge_requests/${env.CI_MERGE_REQUEST_IID}/notes`;
  const body = buildBody();
  const previous = await findPreviousNote(notesPath);
  if (previous) await callGitLab('PUT', `${notesPath}/${previous.id}`, { body });
  else await callGitLab('POST', notesPath, { body });
  console.log(`conecta: plan comment ${previous ? 'updated' : 'posted'} on merge request !${env.CI_MERGE_REQUEST_IID}.`);
}

try {
  await postComment();
} catch (error) {
  // A comment that cannot be posted must not hide the plan's own outcome.
  console.warn(`conecta: could not post the plan comment: ${error.message}`);
}
