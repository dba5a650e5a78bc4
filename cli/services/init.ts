/**
 * `conecta init [DIR]`: scaffolds a config repository from cli/templates (plain files read at run
 * time): conecta.yaml, a small working example in config/base, .gitignore, README.md, a
 * package.json that pins the CLI (from the registry, a tarball, a folder or a git URL), and the
 * CI files. Never overwrites a file without `force`.
 */
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
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
  /**
   * Where the scaffold installs the CLI from: a registry range or tag (default `^<this version>`),
   * a tarball or folder path (relative to `cwd`, with or without `file:`), or a git/https URL.
   */
  source?: string;
  /**
   * `OWNER/REPO@REF` of the conecta-as-code GitHub Action: the GitHub workflows use it instead of
   * installing the CLI with npm, and the default `source` becomes that repository at that ref.
   */
  githubAction?: string;
}

/** The dependency the scaffold's package.json declares, as npm will read it. */
export interface DependencySource {
  spec: string;
  kind: 'registry' | 'path' | 'git' | 'url';
  /** For a path outside the scaffold: CI cannot reach it unless it is committed into the repository. */
  isOutside: boolean;
}

export interface InitResult {
  /** Absolute path of the scaffolded folder. */
  dir: string;
  /** Paths relative to `dir`, in writing order. */
  created: string[];
  /** The subset of `created` that replaced existing files (only with `force`). */
  overwritten: string[];
  source: DependencySource;
  /** The GitHub Action the workflows use, when `githubAction` was given. */
  githubAction?: string;
  nextSteps: string[];
}

/** Template path (under cli/templates) → path in the new repository, for the CI files. */
const ciFiles: Record<Exclude<CiChoice, 'both' | 'none'>, [template: string, target: string][]> = {
  github: [['github/conecta.yml', '.github/workflows/conecta.yml'], ['github/conecta-drift.yml', '.github/workflows/conecta-drift.yml']],
  gitlab: [['gitlab/gitlab-ci.yml', '.gitlab-ci.yml'], ['gitlab/conecta-mr-comment.mjs', '.gitlab/conecta-mr-comment.mjs']],
};

/** With `githubAction`: the same GitHub workflows, calling the action instead of npm. */
const githubActionFiles: [template: string, target: string][] = [['github-action/conecta.yml', '.github/workflows/conecta.yml'], ['github-action/conecta-drift.yml', '.github/workflows/conecta-drift.yml']];
const ACTION_PLACEHOLDER = /__CONECTA_ACTION__/g;

/**
 * npm leaves `.gitignore` out of published packages, so the templates have no dot. The editor
 * settings point VS Code's YAML extension at the schemas `npm install` puts in node_modules, the
 * same files the modelines of the config files name.
 */
const renamedTemplates: Record<string, string> = { gitignore: '.gitignore', 'vscode/settings.json': '.vscode/settings.json', 'vscode/extensions.json': '.vscode/extensions.json' };

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
  const action = options.githubAction === undefined ? undefined : parseActionReference(options.githubAction, choices.includes('github'));
  for (const choice of choices) {
    const pairs = choice === 'github' && action ? githubActionFiles : ciFiles[choice];
    for (const [template, target] of pairs) {
      const text = await readFile(join(templates, template), 'utf8');
      files.set(target, action ? text.replace(ACTION_PLACEHOLDER, action.uses) : text);
    }
  }
  const manifest = JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as { name: string; version: string; engines?: { node?: string } };
  const source = await resolveSource(options.source ?? action?.gitSource, manifest.version, options.cwd, dir);
  files.set('package.json', renderPackageJson(basename(dir), manifest.name, source.spec, manifest.engines?.node));

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
    source,
    ...(action ? { githubAction: action.uses } : {}),
    nextSteps: [
      ...(shownDir === '.' ? [] : [`cd ${shownDir}`]),
      ...(source.isOutside ? [`CI cannot reach ${source.spec} (outside the repository): copy it into the repository and point package.json's devDependencies at the copy`] : []),
      'npm install                  # installs the conecta CLI; commit package-lock.json',
      'npx --no conecta validate    # checks every environment of conecta.yaml (--no: never download another package)',
      'npx --no conecta plan        # against the local sandbox (defaultEnvironment: local)',
      'set environments.prod.url in conecta.yaml, then: CONECTA_TOKEN_PROD=… npx --no conecta doctor --env prod',
      ...(choices.length > 0 ? ['add the CI secrets (see the comments at the top of the CI files), commit, and open a pull request to see the plan comment'] : []),
    ],
  };
}

/**
 * Reads `--source`: a git or https URL is kept as written; a path (a tarball or a package folder,
 * with or without `file:`) must exist and is written relative to the scaffold, so the repository
 * stays portable; anything else is a registry range or tag.
 */
export async function resolveSource(spec: string | undefined, version: string, cwd: string, dir: string): Promise<DependencySource> {
  const given = spec?.trim();
  if (!given) return { spec: `^${version}`, kind: 'registry', isOutside: false };
  if (/^(git\+[a-z]+:|git:|github:|gitlab:|bitbucket:)/i.test(given) || /^[\w.-]+@[\w.-]+:/.test(given) || /^[\w-]+\/[\w.-]+(#.*)?$/.test(given)) return { spec: given, kind: 'git', isOutside: false };
  if (/^https?:\/\//i.test(given)) return { spec: given, kind: /\.git(#.*)?$/.test(given) ? 'git' : 'url', isOutside: false };
  const isPath = given.startsWith('file:') || /^(\.{1,2}([/\\]|$)|~?[/\\]|[a-z]:[/\\])/i.test(given) || /\.(tgz|tar\.gz)$/i.test(given);
  if (!isPath) return { spec: given, kind: 'registry', isOutside: false };
  const path = resolve(cwd, given.replace(/^file:/, '').replace(/^~(?=[/\\])/, homedir()));
  if (!(await stat(path).catch(() => undefined))) {
    throw new ConectaError('INIT_SOURCE_NOT_FOUND', `--source ${given}: ${path} does not exist.`, {
      hint: 'Give the path of a tarball made by `npm pack` (or of a package folder), relative to the current folder; or a registry range such as ^0.1.0, or a git URL.',
    });
  }
  const fromScaffold = relative(dir, path).split(sep).join('/');
  const isOutside = fromScaffold === '..' || fromScaffold.startsWith('../') || isAbsolute(fromScaffold);
  return { spec: `file:${fromScaffold}`, kind: 'path', isOutside };
}

/** A GitHub Action reference as a workflow's `uses:` takes it, and the same repository and ref as an npm git source. */
export interface ActionReference {
  uses: string;
  gitSource: string;
}

/** Reads `--github-action OWNER/REPO@REF` (the action at the repository root). */
export function parseActionReference(given: string, isGithubWritten: boolean): ActionReference {
  const match = /^([A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))\/([A-Za-z0-9._-]{1,100})@([A-Za-z0-9._/-]{1,200})$/.exec(given.trim());
  if (!match || match[2] === '.' || match[2] === '..' || match[3]!.includes('..')) {
    throw new ConectaError('INIT_ACTION_INVALID', `--github-action ${given}: not OWNER/REPO@REF.`, {
      hint: 'Name the repository holding the conecta-as-code action and a tag, branch or commit, for example --github-action conecta-as-code/conecta-as-code@v1.',
    });
  }
  if (!isGithubWritten) {
    throw new ConectaError('INIT_ACTION_INVALID', '--github-action needs the GitHub workflows, but --ci does not write them.', {
      hint: 'Use --ci github or --ci both with --github-action.',
    });
  }
  const [, owner, repo, ref] = match;
  return { uses: `${owner}/${repo}@${ref}`, gitSource: `github:${owner}/${repo}#${ref}` };
}

/** Files below `folder`, relative to it with `/` separators, sorted. */
async function listFiles(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(folder, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
}

function renderPackageJson(folderName: string, packageName: string, spec: string, node: string | undefined): string {
  const name = folderName.toLowerCase().replace(/[^a-z0-9._-]+/g, '-').replace(/^[._-]+|-+$/g, '') || 'conecta-config';
  const manifest = {
    name,
    private: true,
    description: 'Contact-center configuration managed with conecta-as-code.',
    scripts: { validate: 'conecta validate', plan: 'conecta plan' },
    devDependencies: { [packageName]: spec },
    ...(node ? { engines: { node } } : {}),
  };
  return `${JSON.stringify(manifest, null, 2)}\n`;
}
