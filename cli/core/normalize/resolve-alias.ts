/**
 * Aliases declared in the schema (`x-aliases`: canonical value → other names, such as the
 * Portuguese weekdays `seg`, `segunda-feira` for `mon`). A name matches in any case, with or
 * without its accents; the schema's `pattern` for it is built from the same table here, so that
 * what the schema accepts is exactly what normalisation resolves.
 */

export type AliasTable = Readonly<Record<string, readonly string[]>>;

/** Lower case, accents removed (`Terça-Feira` → `terca-feira`). */
export function foldAlias(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

const indexes = new WeakMap<AliasTable, Map<string, string>>();

function indexAliases(table: AliasTable): Map<string, string> {
  let index = indexes.get(table);
  if (!index) {
    index = new Map();
    for (const [canonical, aliases] of Object.entries(table)) {
      for (const name of [canonical, ...aliases]) index.set(foldAlias(name), canonical);
    }
    indexes.set(table, index);
  }
  return index;
}

/** The canonical value `text` names, or undefined when it names none. */
export function findCanonical(table: AliasTable, text: string): string | undefined {
  return indexAliases(table).get(foldAlias(text));
}

/** `text` in its canonical form; a text that names no value is returned unchanged. */
export function resolveAlias(table: AliasTable, text: string): string {
  return findCanonical(table, text) ?? text;
}

/** Every name of the table, canonical values first, as written in the table. */
export function listAliasNames(table: AliasTable): string[] {
  return [...Object.keys(table), ...Object.values(table).flat()];
}

/**
 * An ECMA-262 pattern accepting every name of the table in any case, with or without accents,
 * for the schema (`^(?:[Mm][Oo][Nn]|…)$`); editors check the YAML with it.
 */
export function buildAliasPattern(table: AliasTable): string {
  const alternatives = listAliasNames(table).map((name) => [...name].map(matchCharacter).join(''));
  return `^(?:${alternatives.join('|')})$`;
}

function matchCharacter(character: string): string {
  const plain = foldAlias(character);
  const variants = [...new Set([character.toLowerCase(), character.toUpperCase(), plain, plain.toUpperCase()])];
  if (variants.length === 1) return escapeForPattern(character);
  return `[${variants.map(escapeForPattern).join('')}]`;
}

function escapeForPattern(character: string): string {
  return /[\\^$.*+?()[\]{}|/]/.test(character) ? `\\${character}` : character;
}
