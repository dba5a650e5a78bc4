/**
 * The plans shown in the docs are excerpts of real output: every line of the README examples
 * (English and pt-BR, without the Portuguese notes) is a line of the every-change golden plan, and
 * every line of the CI guides' comment example is a line of its Markdown golden file.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';

const root = join(fileURLToPath(new URL('.', import.meta.url)), '..', '..');
const read = (path: string) => readFileSync(join(root, path), 'utf8');

/** The lines of the first fenced block that follows `heading`. */
function readExample(path: string, heading: string, fence: string): string[] {
  const text = read(path);
  const start = text.indexOf(heading);
  expect(start, `${path} has "${heading}"`).toBeGreaterThan(-1);
  const open = text.indexOf(`\n${fence}`, start);
  const body = text.slice(text.indexOf('\n', open + 1) + 1);
  const close = /^`+/.exec(fence)![0];
  return body.slice(0, body.indexOf(`\n${close}\n`)).split('\n');
}

describe('plan examples in the docs', () => {
  const textLines = new Set(read('test/golden/plan/every-change.txt').split('\n'));
  const markdownLines = new Set(read('test/golden/plan/every-change.md').split('\n'));

  test.each([['README.md', '## Reading a plan'], ['README.pt-BR.md', '## Como ler um plano']])('%s shows lines the text plan prints', (path, heading) => {
    const lines = readExample(path, heading, '```').map((line) => line.replace(/\s+← .*$/, '')).filter((line) => line !== '');
    expect(lines.length).toBeGreaterThan(20);
    expect(lines.filter((line) => !textLines.has(line))).toEqual([]);
  });

  test.each([['docs/ci.md', '### What the comment looks like'], ['docs/pt-BR/ci.md', '## Como é o comentário']])('%s shows lines the Markdown plan writes', (path, heading) => {
    const lines = readExample(path, heading, '````markdown').filter((line) => line !== '');
    expect(lines.length).toBeGreaterThan(10);
    expect(lines.filter((line) => !markdownLines.has(line))).toEqual([]);
  });
});
