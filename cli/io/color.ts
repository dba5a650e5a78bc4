/**
 * Whether to colour the output when neither --color nor --no-color (nor CONECTA_COLOR) says:
 * FORCE_COLOR wins (any value but `0` or `false` turns colour on, those two turn it off), then
 * NO_COLOR (any non-empty value turns it off, https://no-color.org), then whether stdout is a terminal.
 */
export function isColorWanted(env: NodeJS.ProcessEnv, isTerminal: boolean): boolean {
  const force = env.FORCE_COLOR;
  if (force !== undefined && force !== '') return !['0', 'false'].includes(force.toLowerCase());
  if (env.NO_COLOR) return false;
  return isTerminal;
}
