/**
 * Writes one export file as YAML text: the schema modeline and a short header, `version: 1`, then
 * the kind's key. Long texts become block scalars (`|`); anything a YAML 1.1 reader would take
 * for something else (`"08:00"`, `"on"`, `"yes"`, `"1042"`) is quoted; nothing is folded.
 */
import { Document, isMap, isScalar, isSeq, type Node } from 'yaml';
import type { SpecPath } from '../kinds/schema-walk.js';
import type { JsonValue } from '../model/resource.js';

export interface ExportFileContent {
  /** `$schema` of the modeline: a path relative to this file, or a URL. */
  schemaRef: string;
  /** The tenant's URL, or a label for the sandbox. */
  target: string;
  /** `YYYY-MM-DD`. */
  date: string;
  /** Extra header lines (without `#`). */
  notes: string[];
  /** The YAML key (`teams`, `wordFilters`, `flows`) and its value. */
  key: string;
  value: JsonValue;
  /** Values to annotate with a trailing comment, by path under `key`. */
  comments: { path: SpecPath; text: string }[];
}

export function renderExportFile(content: ExportFileContent): string {
  const document = new Document({ version: 1, [content.key]: content.value }, { compat: 'yaml-1.1' });
  document.commentBefore = [
    ` yaml-language-server: $schema=${content.schemaRef}`,
    ` Exported from ${content.target} on ${content.date} by \`conecta export\`.`,
    ...content.notes.map((note) => ` ${note}`),
  ].join('\n');
  const list = document.get(content.key, true) as Node | undefined;
  // A blank line between objects of more than one field; a list of bare names stays compact.
  if (isSeq(list) && list.items.some((item) => isMap(item) && item.items.length > 1)) {
    list.items.forEach((item, index) => {
      if (index > 0 && isMap(item)) item.spaceBefore = true;
    });
  }
  for (const { path, text } of content.comments) {
    const node = document.getIn([content.key, ...path], true);
    if (isScalar(node)) node.comment = ` ${text}`;
  }
  return document.toString({ lineWidth: 0, minContentWidth: 0, blockQuote: 'literal' });
}
