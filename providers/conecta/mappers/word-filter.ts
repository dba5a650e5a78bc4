/**
 * Filtro de Palavras: two collections of `{_id, word, type}` (szchat-go word_filter.go):
 * `/wordFilter/agents` (words agents may not send) ⇄ list `agentBlocked`, and
 * `/wordFilter/contacts` (words that do not start the flow) ⇄ list `noFlowStart`.
 * Create and update send `{word}` only; `type` is set by the server.
 * One live resource per word, named `<list>/<word>`.
 */
import { formatWordFilterName } from '../../../cli/core/kinds/registry.js';
import type { KindMapper } from './types.js';
import { readString, specString } from './wire-values.js';

const ENDPOINT_BY_LIST: Record<string, string> = { agentBlocked: '/wordFilter/agents', noFlowStart: '/wordFilter/contacts' };
const LIST_BY_ENDPOINT: Record<string, string> = { '/wordFilter/agents': 'agentBlocked', '/wordFilter/contacts': 'noFlowStart' };

export function getWordFilterList(endpoint: string): string {
  const list = LIST_BY_ENDPOINT[endpoint];
  if (!list) throw new Error(`not a word-filter endpoint: ${endpoint}`);
  return list;
}

export const wordFilterMapper: KindMapper = {
  kind: 'word-filter',
  endpoints: ['/wordFilter/agents', '/wordFilter/contacts'],
  refersTo: [],
  readOnlyKeys: ['type'],
  wireKeyField: 'word',
  nameOfWire: (wire, endpoint) => {
    const word = readString(wire, 'word');
    return word === '' ? undefined : formatWordFilterName(getWordFilterList(endpoint), word);
  },
  endpointOf: (spec) => {
    const endpoint = ENDPOINT_BY_LIST[specString(spec, 'list')];
    if (!endpoint) throw new Error(`unknown word-filter list ${specString(spec, 'list')}`);
    return endpoint;
  },
  toSpec: (wire, _context, endpoint) => ({ list: getWordFilterList(endpoint), word: readString(wire, 'word') }),
  toWire: (spec) => ({ word: specString(spec, 'word') }),
};
