/** A two-way table between model enum values and wire strings, tolerant of aliases on read. */
export interface EnumMap {
  toWire(model: string): string;
  /** The model value of a wire string; undefined when the string is unknown. */
  toModel(wire: string): string | undefined;
}

export function createEnumMap(pairs: Record<string, string>, readAliases: Record<string, string> = {}): EnumMap {
  const byWire = new Map<string, string>();
  for (const [model, wire] of Object.entries(pairs)) byWire.set(wire.toLowerCase(), model);
  for (const [wire, model] of Object.entries(readAliases)) byWire.set(wire.toLowerCase(), model);
  return {
    toWire: (model) => pairs[model] ?? model,
    toModel: (wire) => byWire.get(wire.toLowerCase()),
  };
}

/**
 * Histórico de conversa ⇄ `history` (teams and agents). The wire strings are unknown [INF]:
 * chosen in the API's snake_case, with the model names accepted as aliases on read.
 * An agent's `inherit` is an empty `history` [INF: "" is the Go zero value the UI would send].
 */
export const conversationHistoryMap = createEnumMap(
  { none: 'none', all: 'all', teamSessions: 'team_sessions' },
  { teamSessions: 'teamSessions', not_applicable: 'none' },
);
