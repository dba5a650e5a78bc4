import { Flags } from '@oclif/core';
import { BaseCommand } from '../base-command.js';
import { tenantFlags, toTargetOptions } from '../flags.js';

export class ExportCommand extends BaseCommand {
  static override description = [
    'Write the tenant as YAML: one file per kind and one per flow, deterministic, references by name, server defaults left out.',
    'Secrets are never exported: flow HTTP headers become ${env:…} placeholders. Review the files, commit them, then `conecta plan` should say "No changes."',
  ].join('\n');

  static override examples = [
    '<%= config.bin %> export --out conecta',
    'CONECTA_URL=https://acme.conecta.com.vc CONECTA_TOKEN=… <%= config.bin %> export --out conecta --kinds teams,agents',
    '<%= config.bin %> export --out conecta --force --json',
  ];

  static override flags = {
    ...tenantFlags,
    out: Flags.string({ description: 'Directory to write to; it must be empty or new unless --force.', required: true }),
    kinds: Flags.string({ description: 'Only these kinds, comma-separated (teams, agents, userGroups, flows…). Default: all.', env: 'CONECTA_EXPORT_KINDS' }),
    force: Flags.boolean({ description: 'Write into a non-empty directory, replacing the files the export writes.', default: false }),
  };

  async run(): Promise<void> {
    const { flags } = await this.parseBase(ExportCommand);
    const { parseKindList } = await import('../core/export/parse-kind-list.js');
    const { runExport } = await import('../services/export.js');
    const summary = await runExport({
      outDir: flags.out,
      kinds: flags.kinds === undefined ? undefined : parseKindList(flags.kinds),
      isForced: flags.force,
      targetOptions: toTargetOptions([], flags),
      cwd: process.cwd(),
      redactor: this.redactor,
      now: () => new Date(),
      reporter: this.reporter,
    });
    this.present({ command: 'export', summary });
  }
}
