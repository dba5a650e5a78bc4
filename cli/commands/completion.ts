import { Args } from '@oclif/core';
import { BaseCommand } from '../base-command.js';

export class CompletionCommand extends BaseCommand {
  static override description = [
    'Print a shell completion script for commands, flags and their choices.',
    'bash: source <(conecta completion bash) in ~/.bashrc. zsh: source <(conecta completion zsh) in ~/.zshrc, after compinit.',
  ].join('\n');

  static override examples = ['<%= config.bin %> completion bash >> ~/.bashrc', '<%= config.bin %> completion zsh > "${fpath[1]}/_conecta"'];

  static override args = {
    shell: Args.string({ description: 'The shell.', options: ['bash', 'zsh'], required: true }),
  };

  async run(): Promise<void> {
    const { args } = await this.parseBase(CompletionCommand);
    const { buildCompletion } = await import('../services/completion.js');
    this.present({ command: 'completion', result: buildCompletion(args.shell as 'bash' | 'zsh', this.config.bin, this.config.commands) });
  }
}
