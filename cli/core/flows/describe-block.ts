/**
 * Plain-text descriptions of blocks and edges for diagrams: the block type as the Portuguese UI
 * names it and its main parameter (a message's whole text: each diagram cuts or wraps it), and
 * `truncate`/`wrapText` to fit it. Escaping for a diagram language is the renderer's job. Never
 * shows HTTP headers or bodies (they may hold secrets).
 */
import { isJsonObject, type JsonValue } from '../model/resource.js';
import type { FlowBlockValue } from './flow-graph.js';

export const MAX_DETAIL_LENGTH = 40;
const MAX_OPTION_LABEL_LENGTH = 30;

const typeLabels: Record<string, string> = {
  message: 'Mensagem',
  menu: 'Menu',
  input: 'Entrada de dados',
  condition: 'Condição',
  schedule: 'Horário',
  transfer: 'Equipe',
  http: 'REST',
  setVariable: 'Variável',
  rating: 'Avaliação',
  gotoFlow: 'Ir para fluxo',
  end: 'Finalização',
};

export interface BlockDescription {
  /** The block type as the UI names it: `Menu`, `Horário`, `Equipe`. */
  title: string;
  /** The main parameter, whole (texts keep their line breaks); empty when there is none. */
  detail: string;
}

export function describeFlowBlock(block: FlowBlockValue): BlockDescription {
  const type = typeof block.type === 'string' ? block.type : '';
  return { title: typeLabels[type] ?? (type || 'Bloco'), detail: readDetail(type, block) };
}

/**
 * The label of an edge: a menu option's key and label, or the edge's name; none for `next`.
 * The option's label is truncated unless `isWhole` (a diagram that wraps it).
 */
export function labelFlowEdge(block: FlowBlockValue | undefined, edge: string, options: { isWhole?: boolean } = {}): string {
  const option = /^options\.(\d+)\.next$/.exec(edge);
  if (option) {
    const value = Array.isArray(block?.options) ? block.options[Number(option[1])] : undefined;
    const label = toText(value !== undefined && isJsonObject(value) ? value.label : undefined);
    if (isJsonObject(value)) return `${toText(value.key)} · ${options.isWhole === true ? label.replace(/\s+/g, ' ').trim() : truncate(label, MAX_OPTION_LABEL_LENGTH)}`.trim();
    return edge;
  }
  return edge === 'next' ? '' : edge;
}

function readDetail(type: string, block: FlowBlockValue): string {
  switch (type) {
    case 'message':
    case 'menu':
      return toText(block.text);
    case 'input':
      return `${toText(block.saveTo)} (${toText(block.validation ?? 'text')})`;
    case 'condition':
      return describeRules(block);
    case 'schedule':
      return toText(block.scheduleGroup);
    case 'transfer':
      return toText(block.team);
    case 'http':
      return `${toText(block.method ?? 'GET')} ${readHost(block.url)}`;
    case 'setVariable':
      return `${toText(block.variable)} = ${toText(block.value)}`;
    case 'rating':
      return toText(block.question);
    case 'gotoFlow':
      return toText(block.flow);
    case 'end':
      return block.tabulation === undefined ? toText(block.message) : `tabulação ${toText(block.tabulation)}`;
    default:
      return '';
  }
}

function describeRules(block: FlowBlockValue): string {
  const rules = Array.isArray(block.rules) ? block.rules.filter(isJsonObject) : [];
  const [first] = rules;
  if (!first) return '';
  const value = first.value === undefined ? '' : ` ${toText(first.value)}`;
  const more = rules.length > 1 ? ` ${block.match === 'any' ? 'ou' : 'e'} +${rules.length - 1}` : '';
  return `${toText(first.variable)} ${toText(first.operator)}${value}${more}`;
}

/** Only the host: paths and query strings may carry tokens. */
function readHost(url: JsonValue | undefined): string {
  const match = typeof url === 'string' ? /^[a-z]+:\/\/([^/?#@]*@)?([^/?#]+)/i.exec(url) : null;
  return match?.[2] ?? '';
}

/**
 * A text as lines of at most `width` characters, broken between words (a longer word is split),
 * keeping its own line breaks; past `maxLines` the last line ends with `…`. Code points, so
 * emoji stay whole.
 */
export function wrapText(text: string, width: number, maxLines: number): string[] {
  const lines: string[][] = [];
  for (const paragraph of text.split(/\r?\n/)) {
    let line: string[] = [];
    const words = paragraph.split(/\s+/).filter((word) => word !== '').map((word) => Array.from(word));
    for (const chunk of words.flatMap((word) => splitEvery(word, width))) {
      if (line.length > 0 && line.length + 1 + chunk.length > width) {
        lines.push(line);
        line = [];
      }
      line = line.length === 0 ? chunk : [...line, ' ', ...chunk];
    }
    if (line.length > 0) lines.push(line);
  }
  if (lines.length > maxLines) {
    lines.length = maxLines;
    lines[maxLines - 1] = [...lines[maxLines - 1]!.slice(0, width - 1).join('').trimEnd(), '…'];
  }
  return lines.map((line) => line.join(''));
}

function splitEvery(characters: string[], width: number): string[][] {
  const chunks: string[][] = [];
  for (let start = 0; start < characters.length; start += width) chunks.push(characters.slice(start, start + width));
  return chunks;
}

/** One line, whitespace collapsed, at most `length` characters (code points, so emoji stay whole). */
export function truncate(text: string, length: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const characters = Array.from(flat);
  return characters.length <= length ? flat : `${characters.slice(0, length - 1).join('').trimEnd()}…`;
}

function toText(value: JsonValue | undefined): string {
  if (value === undefined || value === null) return '';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}
