/**
 * Tests that run the built CLI (`node cli/bin/run.js`, which loads dist/) take its path from here.
 * The first call checks that dist/ was built after the last change to the sources it is built
 * from, and fails naming the fix otherwise: a stale dist/ would test yesterday's code.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = join(import.meta.dirname, '..', '..');
/** What `npm run build` compiles and bundles (templates are read from the sources at run time). */
const SOURCE_DIRECTORIES = ['cli', 'providers', 'schema'];
const SOURCE_FILE = /\.(ts|json|mjs|js)$/;

interface Newest {
  file: string;
  mtimeMs: number;
}

function findNewest(directory: string, accept: (file: string) => boolean, skip: (directory: string) => boolean = () => false): Newest | undefined {
  let newest: Newest | undefined;
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    const path = join(directory, entry.name);
    const candidate = entry.isDirectory() ? (skip(path) ? undefined : findNewest(path, accept, skip)) : accept(path) ? { file: path, mtimeMs: statSync(path).mtimeMs } : undefined;
    if (candidate && (!newest || candidate.mtimeMs > newest.mtimeMs)) newest = candidate;
  }
  return newest;
}

/**
 * Why dist/ cannot be trusted, or undefined when it was built after every source change. What is
 * compared is the bundle that cli/bin/run.js loads, written by the last step of the build: a build
 * whose bundle step failed leaves fresh `tsc` output beside a stale bundle.
 */
export function findStaleBuild(projectRoot = root): string | undefined {
  const dist = join(projectRoot, 'dist');
  if (!existsSync(dist)) return 'dist/ is missing';
  const bundle = join(dist, 'bundle');
  const built = existsSync(bundle) ? findNewest(bundle, () => true) : undefined;
  const isTemplates = (directory: string) => relative(projectRoot, directory) === join('cli', 'templates');
  const sources = [...SOURCE_DIRECTORIES.map((directory) => join(projectRoot, directory)), join(projectRoot, 'scripts')]
    .filter((directory) => existsSync(directory))
    .map((directory) => findNewest(directory, (file) => SOURCE_FILE.test(file), isTemplates))
    .filter((newest): newest is Newest => newest !== undefined);
  const source = sources.reduce<Newest | undefined>((newest, candidate) => (!newest || candidate.mtimeMs > newest.mtimeMs ? candidate : newest), undefined);
  if (!built) return 'dist/bundle/ is missing';
  if (source && source.mtimeMs > built.mtimeMs) return `dist/bundle/ is older than ${relative(projectRoot, source.file)}`;
  return undefined;
}

let isChecked = false;

/** The path of cli/bin/run.js, after checking that dist/ is fresh. */
export function builtCliPath(): string {
  if (!isChecked) {
    const problem = findStaleBuild();
    if (problem) throw new Error(`${problem}: run \`npm run build\` before the tests that spawn the CLI (npm test builds first).`);
    isChecked = true;
  }
  return join(root, 'cli', 'bin', 'run.js');
}
