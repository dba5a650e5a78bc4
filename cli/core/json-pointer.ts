/** JSON pointers (RFC 6901), as diagnostics use them to name a value inside a file: `/teams/0/name`. */

/** `a/b` → `a~1b`, `a~b` → `a~0b`. */
export function escapePointerSegment(segment: string | number): string {
  const text = String(segment);
  return text.includes('~') || text.includes('/') ? text.replace(/~/g, '~0').replace(/\//g, '~1') : text;
}

export function unescapePointerSegment(segment: string): string {
  return segment.includes('~') ? segment.replace(/~1/g, '/').replace(/~0/g, '~') : segment;
}

/** The pointer of a child of the value at `pointer`. */
export function appendPointer(pointer: string, segment: string | number): string {
  return `${pointer}/${escapePointerSegment(segment)}`;
}

/** The pointer of a path below the root: `['teams', 0]` → `/teams/0`. */
export function formatPointer(path: readonly (string | number)[]): string {
  return path.map((segment) => `/${escapePointerSegment(segment)}`).join('');
}

/** The segments of a pointer, unescaped; `''` (the whole document) has none. */
export function parsePointer(pointer: string): string[] {
  return pointer === '' ? [] : pointer.split('/').slice(1).map(unescapePointerSegment);
}
