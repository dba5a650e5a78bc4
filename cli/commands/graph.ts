import { Args, Flags } from '@oclif/core';
import { BaseCommand } from '../base-command.js';
import { targetFlags, toTargetOptions } from '../flags.js';

export class GraphCommand extends BaseCommand {
  static override description = 'Print a flow as a diagram: Mermaid (renders on GitHub) or Graphviz DOT. Reads the config only; no tenant is needed.';

  static override examples = [
    '<%= config.bin %> graph examples/acme-contact-center --flow "Atendimento Principal"',
    '<%= config.bin %> graph config/ --flow "Atendimento Principal" --format dot | dot -Tsvg > atendimento.svg',
  ];

  static override args = {
    path: Args.string({ description: 'Config file or folder (default: the project\'s config, or the current directory).' }),
  };

  static override flags = {
    ...targetFlags,
    flow: Flags.string({ description: 'The name of the flow to draw (optional when the config has one flow).' }),
    format: Flags.string({ description: 'Diagram language.', options: ['mermaid', 'dot'], default: 'mermaid' }),
  };

  async run(): Promise<void> {
    const { argv, flags } = await this.parseBase(GraphCommand);
    const { runGraph } = await import('../services/graph.js');
    const result = await runGraph({ targetOptions: toTargetOptions(argv, flags), flow: flags.flow, format: flags.format as 'mermaid' | 'dot', redactor: this.redactor });
    this.present({ command: 'graph', result });
  }
}
