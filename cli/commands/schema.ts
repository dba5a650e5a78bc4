import { BaseCommand } from '../base-command.js';

export class SchemaCommand extends BaseCommand {
  static override description = 'Print the JSON Schema of the config files (for editors and other tools).';

  static override examples = ['<%= config.bin %> schema > conecta.schema.json'];

  async run(): Promise<void> {
    await this.parseBase(SchemaCommand);
    const { conectaSchema } = await import('../../schema/generated/schema.js');
    this.present({ command: 'schema', schema: conectaSchema });
  }
}
