import { BaseCommand } from '../base-command.js';
import { tenantFlags, toTargetOptions } from '../flags.js';

export class DoctorCommand extends BaseCommand {
  static override description = 'Check the connection to the tenant (read-only): target, API version, sign-in, object counts, and what this tool cannot map.';

  static override examples = [
    '<%= config.bin %> doctor',
    'CONECTA_URL=https://acme.conecta.com.vc CONECTA_TOKEN=… <%= config.bin %> doctor --json',
  ];

  static override flags = { ...tenantFlags };

  async run(): Promise<void> {
    const { flags } = await this.parseBase(DoctorCommand);
    const { runDoctor } = await import('../services/doctor.js');
    const report = await runDoctor({ targetOptions: toTargetOptions([], flags), cwd: process.cwd(), redactor: this.redactor, reporter: this.reporter });
    this.present({ command: 'doctor', report });
  }
}
