import { Args, Flags } from '@oclif/core';
import { BaseCommand } from '../base-command.js';

export class InitCommand extends BaseCommand {
  static override description = [
    'Scaffold a config repository: conecta.yaml (environments `local` = sandbox and `prod`), a small working example in config/base,',
    '.gitignore, README.md, a package.json pinning the CLI, a GitHub Actions workflow and a GitLab CI file (plan in pull requests, apply on merge).',
    'Existing files are never overwritten without --force.',
  ].join('\n');

  static override examples = [
    '<%= config.bin %> init',
    '<%= config.bin %> init acme-conecta --ci github',
    '<%= config.bin %> init . --force',
  ];

  static override args = {
    dir: Args.string({ description: 'The folder to scaffold (created if missing).', default: '.' }),
  };

  static override flags = {
    force: Flags.boolean({ description: 'Overwrite files that already exist.', default: false }),
    ci: Flags.string({ description: 'Which CI files to write.', options: ['github', 'gitlab', 'both', 'none'], default: 'both' }),
  };

  async run(): Promise<void> {
    const { args, flags } = await this.parseBase(InitCommand);
    const { runInit } = await import('../services/init.js');
    const result = await runInit({ cwd: process.cwd(), dir: args.dir, isForced: flags.force, ci: flags.ci as 'github' | 'gitlab' | 'both' | 'none' });
    if (this.isJson) {
      this.print(JSON.stringify(result, null, 2));
      return;
    }
    const overwritten = new Set(result.overwritten);
    const lines = [`Scaffolded ${result.dir}:`];
    for (const file of result.created) lines.push(`  ${overwritten.has(file) ? this.style.yellow('~') : this.style.green('+')} ${file}${overwritten.has(file) ? this.style.dim(' (overwritten)') : ''}`);
    lines.push('', 'Next steps:');
    for (const [index, step] of result.nextSteps.entries()) lines.push(`  ${index + 1}. ${step}`);
    this.print(lines.join('\n'));
  }
}
