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
    '<%= config.bin %> init acme-conecta --source ./conecta-as-code-0.1.0.tgz',
    '<%= config.bin %> init acme-conecta --source git+https://github.com/conecta-as-code/conecta-as-code.git#v0.1.0',
    '<%= config.bin %> init acme-conecta --github-action conecta-as-code/conecta-as-code@v0.1.0',
  ];

  static override args = {
    dir: Args.string({ description: 'The folder to scaffold (created if missing).', default: '.' }),
  };

  static override flags = {
    force: Flags.boolean({ description: 'Overwrite files that already exist.', default: false }),
    ci: Flags.string({ description: 'Which CI files to write.', options: ['github', 'gitlab', 'both', 'none'], default: 'both' }),
    source: Flags.string({
      description: 'Where the new repository installs the CLI from: a registry range or tag (default: ^ this version), a tarball or package folder (a path relative to here, with or without file:), or a git URL.',
      env: 'CONECTA_INIT_SOURCE',
    }),
    'github-action': Flags.string({
      description: 'OWNER/REPO@REF of the conecta-as-code GitHub Action: the GitHub workflows use it (installed from its own checkout, no registry) instead of npm, and --source defaults to that repository at REF.',
      env: 'CONECTA_INIT_GITHUB_ACTION',
    }),
  };

  async run(): Promise<void> {
    const { args, flags } = await this.parseBase(InitCommand);
    const { runInit } = await import('../services/init.js');
    const result = await runInit({
      cwd: process.cwd(),
      dir: args.dir,
      isForced: flags.force,
      ci: flags.ci as 'github' | 'gitlab' | 'both' | 'none',
      ...(flags.source === undefined ? {} : { source: flags.source }),
      ...(flags['github-action'] === undefined ? {} : { githubAction: flags['github-action'] }),
    });
    this.present({ command: 'init', result });
  }
}
