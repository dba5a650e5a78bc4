/**
 * Derives schema/generated/ from the hand-written schema/conecta.schema.json:
 * - kinds.ts: the `Kind` union, the kind declarations (read from the `x-kind`, `x-key`,
 *   `x-key-case-insensitive`, `x-plural`, `x-ui-label` and `x-order` of each `$defs` entry) and the
 *   order of the YAML reference; a kind is declared once, in its schema entry;
 * - types.ts: the model types (json-schema-to-typescript);
 * - schema.ts: the schema as a typed constant, so the pure core and the validator import it
 *   without reading files at run time;
 * - project-types.ts: the types of conecta.yaml, from schema/project.schema.json;
 * - docs/yaml-reference.md: the YAML reference, rendered from the schema's descriptions;
 * - `markdownDescription` beside every `description` of both schema files, for editors;
 * - the `PruneByKind` entry of schema/conecta.schema.json itself (one flag per kind), so that
 *   editors reading that file see every kind, and the `pattern` of each `$defs` entry with
 *   `x-aliases` (such as `Weekday`), so that editors accept the aliases normalisation resolves, and of
 *   each `x-phone` field (normalize-phone.ts), so that editors accept the spellings normalisation reads.
 * Checks by default and exits 1 naming the fix; `--write` updates the files.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compile } from 'json-schema-to-typescript';
import type { JSONSchema4 } from 'json-schema';
import { buildAliasPattern, type AliasTable } from '../../cli/core/normalize/resolve-alias.js';
import { PHONE_PATTERN } from '../../cli/core/normalize/normalize-phone.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const schemaPath = join(root, 'schema', 'conecta.schema.json');
const banner = '/* Generated from schema/conecta.schema.json by `npm run schema:write`. Do not edit. */';
const projectSchemaPath = join(root, 'schema', 'project.schema.json');
const projectBanner = '/* Generated from schema/project.schema.json by `npm run schema:write`. Do not edit. */';

export async function generateSchemaFiles(): Promise<Record<string, string>> {
  const source = await readFile(schemaPath, 'utf8');
  const kinds = readKindDeclarations(JSON.parse(source) as SchemaDoc);
  const schema = withoutMarkdownDescriptions(withPhonePatterns(withAliasPatterns(withPruneByKind(JSON.parse(source) as SchemaDoc, kinds)))) as JSONSchema4;
  const projectSource = await readFile(projectSchemaPath, 'utf8');
  const projectSchema = withoutMarkdownDescriptions(JSON.parse(projectSource)) as JSONSchema4;
  const types = await compile(schema, 'ConectaConfig', {
    bannerComment: banner,
    additionalProperties: false,
    unreachableDefinitions: true,
    strictIndexSignatures: true,
    format: true,
    style: { singleQuote: true, printWidth: 120 },
  });
  const projectTypes = await compile(projectSchema, 'ConectaProject', {
    bannerComment: projectBanner,
    additionalProperties: false,
    unreachableDefinitions: true,
    ignoreMinAndMaxItems: true,
    format: true,
    style: { singleQuote: true, printWidth: 120 },
  });
  const constant = `${banner}\n\nexport const conectaSchema = ${JSON.stringify(schema, null, 2)} as const;\n`;
  return {
    [schemaPath]: `${JSON.stringify(withMarkdownDescriptions(schema), null, 2)}\n`,
    [projectSchemaPath]: `${JSON.stringify(withMarkdownDescriptions(projectSchema), null, 2)}\n`,
    [join(root, 'docs', 'yaml-reference.md')]: renderReference(schema as unknown as SchemaDoc),
    [join(root, 'schema', 'generated', 'kinds.ts')]: renderKinds(kinds),
    [join(root, 'schema', 'generated', 'types.ts')]: types,
    [join(root, 'schema', 'generated', 'schema.ts')]: constant,
    [join(root, 'schema', 'generated', 'project-types.ts')]: projectTypes,
  };
}

/** What one `$defs` entry with `x-kind` declares. */
interface KindDeclaration {
  kind: string;
  configKey: string;
  definition: string;
  keyField: string | null;
  isKeyCaseInsensitive: boolean;
  plural: string;
  uiLabel: string;
  order: number;
}

/**
 * The kinds, in apply tie-break order (`x-order`). The YAML key of a kind is the top-level
 * property whose value (or list item) is its `$defs` entry; `configKeys` keeps their order.
 */
function readKindDeclarations(schema: SchemaDoc): { kinds: KindDeclaration[]; configKeys: string[] } {
  const configKeyByDefinition = new Map<string, string>();
  for (const [key, node] of Object.entries(schema.properties ?? {})) {
    const target = node.$ref ?? node.items?.$ref;
    if (target) configKeyByDefinition.set(target.replace('#/$defs/', ''), key);
  }
  const kinds: KindDeclaration[] = [];
  const problems: string[] = [];
  for (const [definition, node] of Object.entries(schema.$defs ?? {})) {
    const kind = node['x-kind'];
    if (kind === undefined) continue;
    const where = `$defs.${definition}`;
    const configKey = configKeyByDefinition.get(definition);
    const keyField = node['x-key'];
    const [plural, uiLabel, order] = [node['x-plural'], node['x-ui-label'], node['x-order']];
    if (typeof kind !== 'string' || !/^[a-z]+(-[a-z]+)*$/.test(kind)) problems.push(`${where}: x-kind must be a kebab-case word`);
    if (!configKey) problems.push(`${where}: no top-level property refers to it`);
    if (keyField !== undefined && (typeof keyField !== 'string' || !node.required?.includes(keyField))) problems.push(`${where}: x-key must name a required property`);
    if (typeof plural !== 'string' || typeof uiLabel !== 'string') problems.push(`${where}: x-plural and x-ui-label are required`);
    if (typeof order !== 'number' || !Number.isInteger(order)) problems.push(`${where}: x-order must be an integer`);
    kinds.push({
      kind: String(kind), configKey: configKey ?? '', definition, keyField: typeof keyField === 'string' ? keyField : null,
      isKeyCaseInsensitive: node['x-key-case-insensitive'] === true, plural: String(plural), uiLabel: String(uiLabel), order: Number(order),
    });
  }
  for (const field of ['kind', 'order', 'configKey'] as const) {
    const values = kinds.map((entry) => entry[field]);
    const repeated = values.filter((value, index) => values.indexOf(value) !== index);
    if (repeated.length > 0) problems.push(`two kinds share the ${field} ${repeated.join(', ')}`);
  }
  if (problems.length > 0) throw new Error(`schema/conecta.schema.json declares its kinds badly:\n- ${problems.join('\n- ')}`);
  const configKeys = Object.keys(schema.properties ?? {}).filter((key) => kinds.some((entry) => entry.configKey === key));
  return { kinds: kinds.sort((a, b) => a.order - b.order), configKeys };
}

/** The schema with `$defs.PruneByKind` holding one flag per kind, in the order of the top-level keys. */
function withPruneByKind(schema: SchemaDoc, { configKeys }: { configKeys: string[] }): SchemaDoc {
  const properties = Object.fromEntries(configKeys.map((key) => [key, { type: 'boolean', description: `Delete live ${key} missing from the config.` }]));
  const defs = schema.$defs ?? {};
  defs.PruneByKind = { $comment: 'Written by `npm run schema:write` from the kinds declared in $defs (x-kind); do not edit.', type: 'object', additionalProperties: false, description: 'Deletion policy per kind.', properties };
  return schema;
}

/** Each `$defs` entry with `x-aliases` gets the pattern that accepts exactly its names (resolve-alias.ts). */
function withAliasPatterns(schema: SchemaDoc): SchemaDoc {
  for (const node of Object.values(schema.$defs ?? {})) {
    const aliases = node['x-aliases'];
    if (aliases !== undefined) node.pattern = buildAliasPattern(aliases as AliasTable);
  }
  return schema;
}

/** Each node with `x-phone` (a blocked number) gets the pattern of the spellings normalize-phone.ts reads. */
function withPhonePatterns(node: unknown): unknown {
  if (Array.isArray(node)) node.forEach(withPhonePatterns);
  else if (isRecord(node)) {
    if (node['x-phone'] === true) node.pattern = PHONE_PATTERN;
    Object.values(node).forEach(withPhonePatterns);
  }
  return node;
}

/**
 * The schema files editors read carry each `description` again as `markdownDescription`, which
 * VS Code's YAML extension renders as Markdown (code spans, links) on hover and in completion. The
 * copy is derived, so it is dropped before anything else is generated and written anew each time.
 */
function withMarkdownDescriptions(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withMarkdownDescriptions);
  if (!isRecord(node)) return node;
  const entries: [string, unknown][] = [];
  for (const [key, value] of Object.entries(node)) {
    entries.push([key, withMarkdownDescriptions(value)]);
    if (key === 'description' && typeof value === 'string') entries.push(['markdownDescription', value]);
  }
  return Object.fromEntries(entries);
}

function withoutMarkdownDescriptions(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withoutMarkdownDescriptions);
  if (!isRecord(node)) return node;
  return Object.fromEntries(Object.entries(node).filter(([key, value]) => !(key === 'markdownDescription' && typeof value === 'string')).map(([key, value]) => [key, withoutMarkdownDescriptions(value)]));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function renderKinds({ kinds, configKeys }: { kinds: KindDeclaration[]; configKeys: string[] }): string {
  const literal = (value: unknown) => (typeof value === 'string' ? `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'` : String(value));
  const rows = kinds.map(({ order: _order, ...entry }) => `  { ${Object.entries(entry).map(([key, value]) => `${key}: ${literal(value)}`).join(', ')} },`);
  return [
    banner,
    '',
    '/** Every kind: the `x-kind` of the `$defs` entries of the schema. */',
    `export type Kind =\n${kinds.map((entry) => `  | '${entry.kind}'`).join('\n')};`,
    '',
    '/** One row per kind, in apply tie-break order (`x-order`). */',
    'export const kindDeclarations = [',
    ...rows,
    '] as const;',
    '',
    '/** The YAML keys of the kinds in the order of the schema (and of the YAML reference). */',
    `export const kindConfigKeysInSchemaOrder = [${configKeys.map((key) => `'${key}'`).join(', ')}] as const;`,
    '',
  ].join('\n');
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
  const isBlockType = (branch: SchemaDoc) => resolve(branch).properties?.type?.const !== undefined;
  const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  const typeOf = (raw: SchemaDoc): string => {
    const node = resolve(raw);
    if (node.const !== undefined) return `\`${JSON.stringify(node.const)}\``;
    if (node['x-aliases']) return `${Object.keys(node['x-aliases'] as AliasTable).map((value) => `\`${value}\``).join(' | ')} (or an alias, see the description)`;
    if (node.enum) return node.enum.length > 6 ? 'one of the values listed in the description' : node.enum.map((value) => `\`${String(value)}\``).join(' | ');
    if (node['x-ref']) return `name of a ${String(node['x-ref'])}`;
    if (node['x-duration']) return 'duration';
    if (node['x-phone']) return 'phone number';
    if (node.type === 'array') return node.items ? `list of ${typeOf(node.items)}` : 'list';
    if (node.anyOf) return node.anyOf.map(typeOf).join(' or ');
    if (node.oneOf) return node.oneOf.every(isBlockType) ? 'one of the block types below' : 'one of the shapes below';
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
        else if (items?.oneOf && !items.oneOf.every(isBlockType)) for (const branch of items.oneOf) nested.push([`${title}.${key}[] (with \`${resolve(branch).required?.[0] ?? '?'}\`)`, branch]);
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
