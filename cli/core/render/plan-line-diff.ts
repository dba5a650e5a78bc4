/** Line diffs of long texts (closing messages, flow messages), made with the `diff` package. */
import { structuredPatch } from 'diff';

export interface DiffLine {
  /** `+` added, `-` removed, ` ` context, `@` a hunk starts (`newStart`: its first line in the new text). */
  symbol: '+' | '-' | ' ' | '@';
  text: string;
  newStart?: number;
}

export function diffTextLines(before: string, after: string): DiffLine[] {
  const patch = structuredPatch('before', 'after', withFinalNewline(before), withFinalNewline(after), undefined, undefined, { context: 3 });
  const lines: DiffLine[] = [];
  for (const hunk of patch.hunks) {
    lines.push({ symbol: '@', text: `@@ -${hunk.oldStart},${hunk.oldLines} +${hunk.newStart},${hunk.newLines} @@`, newStart: hunk.newStart });
    for (const line of hunk.lines) {
      if (line.startsWith('\\')) continue;
      const symbol = line[0] === '+' || line[0] === '-' ? line[0] : ' ';
      lines.push({ symbol, text: line.slice(1) });
    }
  }
  return lines;
}

function withFinalNewline(text: string): string {
  return text === '' || text.endsWith('\n') ? text : `${text}\n`;
}
