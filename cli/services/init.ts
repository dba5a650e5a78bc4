/**
 * `conecta init [DIR]`: scaffolds a config repository from cli/templates (plain files read at run
 * time): conecta.yaml, a small working example in config/base, .gitignore, README.md, a
 * package.json that pins the CLI, and the CI files. Never overwrites a file without `force`.
 */
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { ConectaError } from '../core/errors.js';
import { findPackageRoot } from '../io/project-file.js';

export type CiChoice = 'github' | 'gitlab' | 'both' | 'none';

export interface InitOptions {
  cwd: string;
  /** The folder to scaffold, relative to `cwd`; created if missing. */
  dir: string;
  /** Overwrite files that already exist. */
  isForced: boolean;
  ci: CiChoice;
}

export interface InitResult {
  /** Absolute path of the scaffolded folder. */
  dir: string;
  /** Paths relative to `dir`, in writing order. */
  created: string[];
  /** The subset of `created` that replaced existing files (only with `force`). */
  overwritten: string[];
  nextSteps: string[];
}

/** Template path (under cli/templates) → path in the new repository, for the CI files. */
const ciFiles: Record<Exclude<CiChoice, 'both' | 'none'>, [template: string, target: string][]> = {
  github: [['github/conecta.yml', '.github/workflows/conecta.yml']],
  gitlab: [['gitlab/gitlab-ci.yml', '.gitlab-ci.yml'], ['gitlab/conecta-mr-comment.mjs', '.gitlab/conecta-mr-comment.mjs']],
};

/** npm leaves `.gitignore` out of published packages, so the template has no dot. */
const renamedTemplates: Record<string, string> = { gitignore: '.gitignore' };

export async function runInit(options: InitOptions): Promise<InitResult> {
  const root = findPackageRoot();
  const templates = join(root, 'cli', 'templates');
  const dir = resolve(options.cwd, options.dir);
  const files = new Map<string, string>();
  for (const template of await listFiles(join(templates, 'project'))) {
    const target = renamedTemplates[template] ?? template;
    files.set(target, await readFile(join(templates, 'project', template), 'utf8'));
  }
  const choices = options.ci === 'both' ? (['github', 'gitlab'] as const) : options.ci === 'none' ? [] : [options.ci];
  for (const choice of choices) {
    for (const [template, target] of ciFiles[choice]) files.set(target, await readFile(join(templates, template), 'utf8'));
  }
  const manifest = JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as { version: string; engines?: { node?: string } };
  files.set('package.json', renderPackageJson(basename(dir), manifest.version, manifest.engines?.node));

  const existing: string[] = [];
  for (const target of files.keys()) {
    if (await stat(join(dir, target)).catch(() => undefined)) existing.push(target);
  }
  if (existing.length > 0 && !options.isForced) {
    const listed = existing.length > 5 ? `${existing.slice(0, 5).join(', ')} and ${existing.length - 5} more` : existing.join(', ');
    throw new ConectaError('INIT_FILES_EXIST', `${dir} already has ${listed}; conecta init does not overwrite files.`, {
      hint: 'Choose an empty folder, or pass --force to overwrite these files with the templates.',
    });
  }
  for (const [target, content] of files) {
    await mkdir(dirname(join(dir, target)), { recursive: true });
    await writeFile(join(dir, target), content);
  }
  const relativeDir = relative(options.cwd, dir);
  const shownDir = relativeDir === '' ? '.' : relativeDir.startsWith('..') ? dir : relativeDir;
  return {
    dir,
    created: [...files.keys()],
    overwritten: existing,
    nextSteps: [
      ...(shownDir === '.' ? [] : [`cd ${shownDir}`]),
      'npm install                  # installs the conecta CLI; commit package-lock.json',
      'npx conecta validate         # checks every environment of conecta.yaml',
      'npx conecta plan             # against the local sandbox (defaultEnvironment: local)',
      'set environments.prod.url in conecta.yaml, then: CONECTA_TOKEN_PROD=… npx conecta doctor --env prod',
      ...(choices.length > 0 ? ['add the CI secret CONECTA_TOKEN_PROD, commit, and open a pull request to see the plan comment'] : []),
    ],
  };
}

/** Files below `folder`, relative to it with `/` separators, sorted. */
async function listFiles(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(folder, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
}

function renderPackageJson(folderName: string, version: string, node: string | undefined): string {
  const name = folderName.toLowerCase().replace(/[^a-z0-9._-]+/g, '-').replace(/^[._-]+|-+$/g, '') || 'conecta-config';
  const manifest = {
    name,
    private: true,
    description: 'Contact-center configuration managed with conecta-as-code.',
    scripts: { validate: 'conecta validate', plan: 'conecta plan' },
    devDependencies: { 'conecta-as-code': `^${version}` },
    ...(node ? { engines: { node } } : {}),
  };
  return `${JSON.stringify(manifest, null, 2)}\n`;
}
