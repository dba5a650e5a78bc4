/**
 * `conecta graph`: loads the config (no tenant needed), finds one flow by name and renders it as
 * a Mermaid or Graphviz DOT diagram.
 */
import { loadLayeredConfig, resolveTarget, type ResolveTargetOptions } from './project.js';
import { hasErrors } from '../core/diagnostics.js';
import { ConectaError, ConfigError } from '../core/errors.js';
import { renderFlowDot } from '../core/flows/dot.js';
import { renderFlowMermaid } from '../core/flows/mermaid.js';
import { suggestClosest } from '../core/config/suggest.js';
import type { Redactor } from '../../providers/contract.js';

export type GraphFormat = 'mermaid' | 'dot';

export interface GraphOptions {
  /** Config files or folders. */
  /** The flow's name; may be left out when the config has exactly one flow. */
  flow?: string;
  format: GraphFormat;
  /** Which config folders (explicit paths, or the environment of conecta.yaml). */
  targetOptions: ResolveTargetOptions;
  /** Learns the config's sensitive values (diagnostics quote the files). */
  redactor: Redactor;
}

export interface GraphResult {
  flow: string;
  format: GraphFormat;
  diagram: string;
}

export async function runGraph(options: GraphOptions): Promise<GraphResult> {
  const target = await resolveTarget({ ...options.targetOptions, isCredentialRequired: false });
  const { state, diagnostics, secrets } = await loadLayeredConfig(target);
  for (const secret of secrets) options.redactor.add(secret);
  if (hasErrors(diagnostics)) throw new ConfigError(diagnostics);
  const flows = state.resources.filter((resource) => resource.kind === 'flow');
  const names = flows.map((resource) => resource.name);
  const where = target.layers.flat().join(', ');
  if (options.flow === undefined && flows.length !== 1) {
    throw new ConectaError('FLOW_NOT_FOUND', flows.length === 0 ? `No flow is defined in ${where}.` : `${where} defines ${flows.length} flows; say which one to draw.`, {
      hint: flows.length === 0 ? 'Add a flow under `flows:` (see docs/flows.md).' : `Use --flow with one of: ${names.map((name) => `"${name}"`).join(', ')}.`,
    });
  }
  const resource = options.flow === undefined ? flows[0] : flows.find((candidate) => candidate.name === options.flow);
  if (!resource) {
    const closest = suggestClosest(options.flow ?? '', names);
    throw new ConectaError('FLOW_NOT_FOUND', `No flow named "${options.flow}" in ${where}.`, {
      hint: closest ? `Did you mean "${closest}"?` : names.length > 0 ? `Flows: ${names.map((name) => `"${name}"`).join(', ')}.` : 'Add a flow under `flows:` (see docs/flows.md).',
    });
  }
  const diagram = options.format === 'dot' ? renderFlowDot(resource.spec) : renderFlowMermaid(resource.spec);
  return { flow: resource.name, format: options.format, diagram };
}
