/** `conecta completion bash|zsh`: the completion script for the commands oclif knows (from the manifest). */
import type { Command } from '@oclif/core';
import { renderBashCompletion, renderZshCompletion, type CompletionCommand } from '../core/render/completion.js';

export type CompletionShell = 'bash' | 'zsh';

export interface CompletionResult {
  shell: CompletionShell;
  script: string;
}

export function buildCompletion(shell: CompletionShell, bin: string, commands: readonly Command.Loadable[]): CompletionResult {
  const described: CompletionCommand[] = commands
    .filter((command) => !command.hidden)
    .map((command) => ({
      id: command.id.replace(/:/g, ' '),
      summary: command.summary ?? command.description?.split('\n')[0] ?? '',
      ...argumentOptions(command),
      flags: Object.entries(command.flags)
        .filter(([, flag]) => !flag.hidden)
        .map(([name, flag]) => ({
          name,
          description: flag.summary ?? flag.description ?? '',
          hasValue: flag.type === 'option',
          ...(flag.char ? { char: flag.char } : {}),
          ...(flag.type === 'option' && flag.options ? { options: flag.options } : {}),
          ...(flag.type === 'boolean' && flag.allowNo ? { allowNo: true } : {}),
        })),
    }))
    .sort((left, right) => left.id.localeCompare(right.id));
  return { shell, script: shell === 'bash' ? renderBashCompletion(bin, described) : renderZshCompletion(bin, described) };
}

function argumentOptions(command: Command.Loadable): { argumentOptions?: readonly string[] } {
  const options = Object.values(command.args)[0]?.options;
  return options && options.length > 0 ? { argumentOptions: options } : {};
}
