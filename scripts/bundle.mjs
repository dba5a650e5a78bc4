// Build step after `tsc`: bundles the CLI (oclif, the commands, their services and dependencies)
// into dist/bundle/ with esbuild, so that a command loads a few files instead of ~600 modules.
//
//   dist/bundle/conecta.js      oclif's `execute`, COMMANDS (oclif's "explicit" command
//                               discovery, package.json → oclif.commands) and the hooks
//                               (package.json → oclif.hooks); services, the provider
//                               and the sandbox stay in chunks loaded on demand (code splitting).
//
// The bundle replaces cli/io/schema-validators.ts with ajv's standalone code generated here from
// the same definitions, so that no schema is compiled when the CLI starts. Everything written
// goes to dist/ (ignored by git); the committed sources are not touched.
import { readdirSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import standaloneCode from 'ajv/dist/standalone/index.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outdir = join(root, 'dist', 'bundle');
const { VALIDATOR_NAMES, createAjv, defineValidator } = await import(join(root, 'dist', 'cli', 'io', 'schema-validators.js'));

/** `export const COMMANDS = { id: Class }`: the command id is the file name under cli/commands. */
function commandsEntry() {
  const ids = readdirSync(join(root, 'cli', 'commands')).filter((file) => file.endsWith('.ts')).map((file) => file.slice(0, -3)).sort();
  return [
    "export { execute } from '@oclif/core';",
    "export { commandNotFound } from './cli/hooks/command-not-found.ts';",
    ...ids.map((id, index) => `import * as command${index} from './cli/commands/${id}.ts';`),
    'const commandOf = (module) => Object.values(module).find((value) => typeof value === \'function\' && typeof value.run === \'function\');',
    `export const COMMANDS = { ${ids.map((id, index) => `${JSON.stringify(id)}: commandOf(command${index})`).join(', ')} };`,
  ].join('\n');
}

/** ajv's standalone validator for one definition, as an ES module exporting it as default. */
function validatorModule(name) {
  const definition = defineValidator(name);
  const ajv = createAjv(definition, { code: { source: true, esm: true } });
  return standaloneCode(ajv, ajv.compile(definition.schema));
}

function precompiledValidators() {
  return [
    ...VALIDATOR_NAMES.map((name) => `import ${name} from 'validator:${name}';`),
    `const validators = { ${VALIDATOR_NAMES.join(', ')} };`,
    'export const VALIDATOR_NAMES = Object.keys(validators);',
    'export function getValidator(name) { return validators[name]; }',
  ].join('\n');
}

/**
 * What the CLI uses of undici (providers/conecta/http-client.ts: an Agent and its request()),
 * without undici's index, which loads every dispatcher, the mocks, fetch, WebSocket, the cache
 * stores and with them http2, tls, zlib, worker_threads… at start (bench/ B0 measures it).
 * undici's HTTP/2 client requires node:http2 at load, in a try, and is only used with allowH2
 * (off by default, never set here): the bundle gives it a module that throws, which undici
 * already handles, so that node:http2 and tls are not loaded for every command.
 */
const UNDICI_SLIM = [
  "import Agent from 'undici/lib/dispatcher/agent.js';",
  "import Dispatcher from 'undici/lib/dispatcher/dispatcher.js';",
  "import request from 'undici/lib/api/api-request.js';",
  'Dispatcher.prototype.request = request;',
  'export { Agent };',
].join('\n');

const virtualModules = {
  name: 'conecta-virtual-modules',
  setup(builder) {
    builder.onResolve({ filter: /^(commands:entry|validator:\w+)$/ }, (args) => ({ path: args.path, namespace: 'conecta' }));
    builder.onResolve({ filter: /^undici$/ }, () => ({ path: 'undici:slim', namespace: 'conecta' }));
    builder.onLoad({ filter: /^undici:slim$/, namespace: 'conecta' }, () => ({ contents: UNDICI_SLIM, resolveDir: root, loader: 'js' }));
    builder.onResolve({ filter: /^node:http2$/ }, (args) => (/[\\/]undici[\\/]lib[\\/]dispatcher[\\/]client-h2\.js$/.test(args.importer) ? { path: 'http2:absent', namespace: 'conecta' } : undefined));
    builder.onLoad({ filter: /^http2:absent$/, namespace: 'conecta' }, () => ({ contents: "throw new Error('HTTP/2 is not used by the conecta CLI');", loader: 'js' }));
    builder.onLoad({ filter: /^commands:entry$/, namespace: 'conecta' }, () => ({ contents: commandsEntry(), resolveDir: root, loader: 'ts' }));
    builder.onLoad({ filter: /^validator:/, namespace: 'conecta' }, (args) => ({ contents: validatorModule(args.path.slice('validator:'.length)), resolveDir: root, loader: 'js' }));
    builder.onLoad({ filter: /[\\/]cli[\\/]io[\\/]schema-validators\.ts$/ }, () => ({ contents: precompiledValidators(), resolveDir: root, loader: 'js' }));
  },
};

await rm(outdir, { recursive: true, force: true });
await build({
  entryPoints: { conecta: 'commands:entry' },
  plugins: [virtualModules],
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  outdir,
  entryNames: '[name]',
  chunkNames: '[name]-[hash]',
  legalComments: 'none',
  logLevel: 'warning',
  // oclif loads TypeScript tooling only for linked plugins in development; never in this CLI.
  external: ['typescript', 'ts-node', 'tsx'],
  // Bundled CommonJS (oclif, ajv's runtime) calls require() for Node's built-in modules.
  banner: { js: "import { createRequire as __conectaRequire } from 'node:module'; const require = __conectaRequire(import.meta.url);" },
});
