/**
 * Derives schema/generated/ from the hand-written schema/conecta.schema.json:
 * - types.ts: the model types (json-schema-to-typescript);
 * - schema.ts: the schema as a typed constant, so the pure core and the validator import it
 *   without reading files at run time.
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
    [join(root, 'schema', 'generated', 'types.ts')]: types,
    [join(root, 'schema', 'generated', 'schema.ts')]: constant,
  };
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
