/**
 * Derives schema/generated/ from the hand-written schema/conecta.schema.json:
 * - types.ts: the model types (json-schema-to-typescript);
 * - schema.ts: the schema as a typed constant, so the pure core and the validator import it
 *   without reading files at run time;
 * - docs/yaml-reference.md: the YAML reference, rendered from the schema's descriptions.
 * Checks by default and exits 1 naming the fix; `--write` updates the files.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compile } from 'json-schema-to-typescript';
import type { JSONSchema4 } from 'json-schema';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const schemaPath = join(root, 'schema', 'conecta.schema.json');
const banner = '/* Generated from schema/conecta.schema.json by `npm run schema:write`. Do not edit. */';

export async function generateSchemaFiles(): Promise<Record<string, string>> {
  const source = await readFile(schemaPath, 'utf8');
  const schema = JSON.parse(source) as JSONSchema4;
  const types = await compile(schema, 'ConectaConfig', {
    bannerComment: banner,
    additionalProperties: false,
    unreachableDefinitions: true,
    strictIndexSignatures: true,
    format: true,
    style: { singleQuote: true, printWidth: 120 },
  });
  const constant = `${banner}\n\nexport const conectaSchema = ${JSON.stringify(schema, null, 2)} as const;\n`;
  return {
    [join(root, 'docs', 'yaml-reference.md')]: renderReference(schema as unknown as SchemaDoc),
    [join(root, 'schema', 'generated', 'types.ts')]: types,
    [join(root, 'schema', 'generated', 'schema.ts')]: constant,
  };
}

interface SchemaDoc {
  type?: string | string[];
  $ref?: string;
  const?: unknown;
  enum?: unknown[];
  default?: unknown;
  description?: string;
  pattern?: string;
  required?: string[];
  properties?: Record<string, SchemaDoc>;
  additionalProperties?: boolean | SchemaDoc;
  items?: SchemaDoc;
  oneOf?: SchemaDoc[];
  anyOf?: SchemaDoc[];
  $defs?: Record<string, SchemaDoc>;
  [keyword: string]: unknown;
}

/** The YAML reference: one section per top-level key, one table row per field, nested objects below. */
function renderReference(schema: SchemaDoc): string {
  const defs = schema.$defs ?? {};
  const resolve = (node: SchemaDoc): SchemaDoc => (node.$ref ? resolve(defs[node.$ref.replace('#/$defs/', '')] ?? {}) : node);
  const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  const typeOf = (raw: SchemaDoc): string => {
    const node = resolve(raw);
    if (node.const !== undefined) return `\`${JSON.stringify(node.const)}\``;
    if (node.enum) return node.enum.length > 6 ? 'one of the values listed in the description' : node.enum.map((value) => `\`${String(value)}\``).join(' | ');
    if (node['x-ref']) return `name of a ${String(node['x-ref'])}`;
    if (node['x-duration']) return 'duration';
    if (node.type === 'array') return node.items ? `list of ${typeOf(node.items)}` : 'list';
    if (node.anyOf) return node.anyOf.map(typeOf).join(' or ');
    if (node.oneOf) return 'one of the block types below';
    if (node.type === 'object' && node.additionalProperties && typeof node.additionalProperties === 'object' && !node.properties) return `map of ${typeOf(node.additionalProperties)}`;
    return String(node.type ?? 'any');
  };
  const sections: string[] = [];
  const renderObject = (title: string, raw: SchemaDoc, depth: number) => {
    const node = resolve(raw);
    const lines = [`${'#'.repeat(depth)} ${title}`, '', node.description ?? raw.description ?? '', ''];
    const nested: [string, SchemaDoc][] = [];
    if (node.properties) {
      lines.push('| key | type | required | default | description |', '|---|---|---|---|---|');
      for (const [key, child] of Object.entries(node.properties)) {
        const resolved = resolve(child);
        const isRequired = node.required?.includes(key) ? 'yes' : '';
        const fallback = child.default ?? resolved.default;
        const flags = [resolved['x-sensitive'] ? ' **Sensitive**: never shown or saved.' : ''].join('');
        lines.push(`| \`${key}\` | ${cell(typeOf(child))} | ${isRequired} | ${fallback === undefined ? '' : `\`${JSON.stringify(fallback)}\``} | ${cell((child.description ?? resolved.description ?? '') + flags)} |`);
        const items = resolved.type === 'array' && resolved.items ? resolve(resolved.items) : undefined;
        const map = typeof resolved.additionalProperties === 'object' ? resolve(resolved.additionalProperties) : undefined;
        if (resolved.properties && resolved.type === 'object') nested.push([`${title}.${key}`, child]);
        else if (items?.properties) nested.push([`${title}.${key}[]`, resolved.items as SchemaDoc]);
        else if (map?.oneOf) for (const branch of map.oneOf) {
          const block = resolve(branch);
          nested.push([`${title}.${key}.<id> (type: ${String(block.properties?.type?.const ?? '?')})`, branch]);
        }
      }
      lines.push('');
    }
    sections.push(lines.join('\n'));
    for (const [childTitle, child] of nested) renderObject(childTitle, child, Math.min(depth + 1, 4));
  };
  renderObject('Config file', { ...schema, properties: { version: schema.properties?.version ?? {}, prune: schema.properties?.prune ?? {} } }, 2);
  for (const [key, child] of Object.entries(schema.properties ?? {})) {
    if (key === 'version' || key === 'prune') continue;
    const resolved = resolve(child);
    renderObject(`\`${key}\``, resolved.type === 'array' && resolved.items ? { ...resolve(resolved.items), description: child.description } : resolved, 2);
  }
  return `<!-- Generated from schema/conecta.schema.json by \`npm run schema:write\`. Do not edit. -->\n# YAML reference\n\nEvery config file starts with \`version: 1\`; the top-level keys below may appear in any file and merge. Durations are written like \`90s\`, \`15m\`, \`1h30m\`, \`1d\`. References to other objects are by name (by e-mail for agents and administrators).\n\n${sections.join('\n')}`.replace(/\n{3,}/g, '\n\n');
}

async function main(): Promise<void> {
  const files = await generateSchemaFiles();
  const isWrite = process.argv.includes('--write');
  const stale: string[] = [];
  for (const [path, content] of Object.entries(files)) {
    const current = await readFile(path, 'utf8').catch(() => '');
    if (current === content) continue;
    if (isWrite) await writeFile(path, content);
    else stale.push(path.slice(root.length + 1));
  }
  if (stale.length > 0) {
    console.error(`Out of date with schema/conecta.schema.json: ${stale.join(', ')}.\nFix: npm run build && npm run schema:write (then commit schema/generated/).`);
    process.exit(1);
  }
}

await main();
