import { Flags } from '@oclif/core';
import { BaseCommand } from '../base-command.js';
import { tenantFlags, toTargetOptions } from '../flags.js';

export class DoctorCommand extends BaseCommand {
  static override description = 'Check the connection to the tenant (read-only): target, API version, sign-in, object counts, and what this tool cannot map.';

  static override examples = [
    '<%= config.bin %> doctor',
    'CONECTA_URL=https://acme.conecta.com.vc CONECTA_TOKEN=… <%= config.bin %> doctor --json',
    '<%= config.bin %> doctor --capture tenant-capture.json',
  ];

  static override flags = {
    ...tenantFlags,
    capture: Flags.string({ description: "Also write what the tool read (API version, signed-in account, every list, what could not be mapped) to this file, to attach to a bug report: people's data pseudonymised, never a token, password or cookie; readable by you only.", helpValue: 'FILE' }),
    'pseudonymise-all': Flags.boolean({ description: 'With --capture: pseudonymise configuration names and texts (teams, tabulations, messages…) too, not only people\'s data.', dependsOn: ['capture'] }),
  };

  async run(): Promise<void> {
    const { flags } = await this.parseBase(DoctorCommand);
    const { runDoctor } = await import('../services/doctor.js');
    const capture = flags.capture === undefined ? {} : { capture: { file: flags.capture, scope: flags['pseudonymise-all'] ? 'all' as const : 'people' as const, toolVersion: this.config.version } };
    const report = await runDoctor({ targetOptions: toTargetOptions([], flags), cwd: process.cwd(), redactor: this.redactor, reporter: this.reporter, ...capture });
    this.present({ command: 'doctor', report });
  }
}
