import { BaseCommand } from '../base-command.js';

export class VersionCommand extends BaseCommand {
  static override description = 'Print the version of the CLI, the platform and Node.js (the same as --version).';

  static override examples = ['<%= config.bin %> version', '<%= config.bin %> version --json'];

  async run(): Promise<void> {
    await this.parseBase(VersionCommand);
    const { name, version } = this.config;
    this.present({ command: 'version', version: { name, version, platform: process.platform, arch: process.arch, node: process.version } });
  }
}
