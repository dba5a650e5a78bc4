/**
 * What a new flow block says and where it leads, for the plan: the texts the contact reads (whole,
 * line by line), menu options with their keys, the other settings, and each edge as `next → id`.
 * HTTP blocks show only the method and host (headers, paths and bodies may carry secrets).
 */
import { describeFlowBlock } from '../flows/describe-block.js';
import type { FlowBlockValue } from '../flows/flow-graph.js';
import { getDefinition, resolveSchemaNode, selectBranch } from '../kinds/schema-walk.js';
import { isJsonObject, type JsonValue } from '../model/resource.js';
import { formatValue } from './describe-value.js';
import type { ViewLine } from './plan-view.js';

/** Texts up to this length, on one line, stay on the line of their key. */
const SHORT_TEXT = 80;
const HTTP_SHOWN = new Set(['saveResponse', 'success', 'error']);

/** ` (menu)`: the block's type, or nothing when it has none. */
export function describeFlowBlockTitle(block: FlowBlockValue | undefined): string {
  return typeof block?.type === 'string' ? ` (${block.type})` : '';
}

/** The block's content as `+` lines at `depth`. */
export function describeFlowBlockContent(block: FlowBlockValue | undefined, depth: number): ViewLine[] {
  if (!block) return [];
  const schema = selectBranch(getDefinition('FlowBlock'), block);
  const isHttp = block.type === 'http';
  const lines: ViewLine[] = [];
  if (isHttp) lines.push({ sign: '+', text: `request: ${describeFlowBlock(block).detail}`, depth });
  for (const [key, child] of Object.entries(schema.properties ?? {})) {
    const value = block[key];
    if (key === 'type' || value === undefined || isHttp && !HTTP_SHOWN.has(key)) continue;
    const node = resolveSchemaNode(child);
    if (node['x-edge'] === true && typeof value === 'string') lines.push({ sign: '+', text: `${key} → ${value}`, depth });
    else if (key === 'options' && Array.isArray(value)) lines.push(...value.map((option) => ({ sign: '+' as const, text: describeOption(option), depth })));
    else if (key === 'rules' && Array.isArray(value)) lines.push(...value.map((rule) => ({ sign: '+' as const, text: `rule: ${describeRule(rule)}`, depth })));
    else if (node['x-text'] === true && typeof value === 'string') lines.push(...describeText(key, value, depth));
    else lines.push({ sign: '+', text: `${key}: ${formatValue(value)}`, depth });
  }
  return lines;
}

function describeText(key: string, value: string, depth: number): ViewLine[] {
  if (!value.includes('\n') && value.length <= SHORT_TEXT) return [{ sign: '+', text: `${key}: ${formatValue(value)}`, depth }];
  return [{ sign: '+', text: `${key}:`, depth }, ...value.split('\n').map((text) => ({ sign: '+' as const, text, depth: depth + 1 }))];
}

/** `option 1: "Comprar" → vendas`. */
function describeOption(option: JsonValue): string {
  if (!isJsonObject(option)) return `option: ${formatValue(option)}`;
  const next = typeof option.next === 'string' ? ` → ${option.next}` : '';
  return `option ${typeof option.key === 'string' ? option.key : formatValue(option.key)}: ${formatValue(option.label)}${next}`;
}

/** `contact.plano equals "ouro"`. */
function describeRule(rule: JsonValue): string {
  if (!isJsonObject(rule)) return formatValue(rule);
  const value = rule.value === undefined ? '' : ` ${formatValue(rule.value)}`;
  return `${String(rule.variable)} ${String(rule.operator)}${value}`;
}
