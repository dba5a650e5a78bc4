import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createTerminalPrompter } from '../../cli/io/prompter.js';

function createTerminal(isTTY: boolean) {
  const input = Object.assign(new PassThrough(), { isTTY, setRawMode: () => input }) as unknown as NodeJS.ReadStream & PassThrough;
  const output = Object.assign(new PassThrough(), { isTTY, columns: 80 }) as unknown as NodeJS.WriteStream & PassThrough;
  return { input, output };
}

describe('terminal prompter', () => {
  it('is interactive only when both input and output are terminals', () => {
    expect(createTerminalPrompter(createTerminal(true).input, createTerminal(true).output).isInteractive).toBe(true);
    expect(createTerminalPrompter(createTerminal(false).input, createTerminal(true).output).isInteractive).toBe(false);
  });

  it('resolves with the trimmed line typed after the question', async () => {
    const { input, output } = createTerminal(true);
    const answer = createTerminalPrompter(input, output).ask('Apply? ');
    input.write('  yes \r');
    await expect(answer).resolves.toBe('yes');
  });

  it('answers empty (no) when the input ends before a line is typed', async () => {
    const { input, output } = createTerminal(true);
    const answer = createTerminalPrompter(input, output).ask('Apply? ');
    input.end();
    await expect(answer).resolves.toBe('');
  });
});
