/** Flags shared by every command that reads config or talks to a tenant. */
import { Flags } from '@oclif/core';

export const targetFlags = {
  env: Flags.string({ description: 'The environment of conecta.yaml to target (its URL, credentials, variables and config folders).', env: 'CONECTA_ENV' }),
  project: Flags.string({ description: 'The project file (default: the nearest conecta.yaml in this folder or above).', env: 'CONECTA_PROJECT' }),
};

/** `targetFlags` plus what only a command that talks to a tenant needs. */
export const tenantFlags = {
  ...targetFlags,
  'allow-insecure-http': Flags.boolean({
    description: 'Allow a plain http:// tenant URL to a host other than this machine (the token then travels unencrypted); only on a network you trust.',
    default: false,
    env: 'CONECTA_ALLOW_INSECURE_HTTP',
  }),
};

/** `--max-length` of Markdown output: GitHub comments hold 65,536 characters, GitLab notes 1,000,000, GitHub job summaries 1 MiB. */
export const maxLengthFlag = Flags.integer({
  description: 'With --markdown: the longest output, in characters (65536 fits a GitHub comment; 1000000 a GitLab note or a GitHub job summary).',
  default: 65_536,
  min: 2_000,
  env: 'CONECTA_MAX_LENGTH',
});

/** What a command passes to `resolveTarget`: explicit PATH arguments win over the project's folders. */
export function toTargetOptions(argv: unknown[], flags: Record<string, unknown>) {
  const paths = argv.map(String);
  const envName = typeof flags.env === 'string' ? flags.env : undefined;
  const projectFile = typeof flags.project === 'string' ? flags.project : undefined;
  // The flag reaches the provider's settings as its environment twin: one reader (settings.ts).
  const env = flags['allow-insecure-http'] === true ? { ...process.env, CONECTA_ALLOW_INSECURE_HTTP: '1' } : process.env;
  return {
    cwd: process.cwd(),
    env,
    ...(envName === undefined ? {} : { envName }),
    ...(projectFile === undefined ? {} : { projectFile }),
    ...(paths.length > 0 ? { paths } : {}),
  };
}
