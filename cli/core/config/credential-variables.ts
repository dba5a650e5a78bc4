/**
 * Environment variables that hold credentials: the tool's own (`CONECTA_TOKEN*`,
 * `CONECTA_PASSWORD*`) and the tokens CI systems put in every job. `${env:}` may not read them (a
 * config could otherwise copy the deploy token into a team's description and publish it), and the
 * run's redactor masks their values wherever they appear.
 */

/** Exact names of well-known CI and registry credentials. */
const CREDENTIAL_NAMES = new Set([
  'GITHUB_TOKEN', 'GH_TOKEN', 'GH_ENTERPRISE_TOKEN', 'GITHUB_PAT',
  'CI_JOB_TOKEN', 'CI_JOB_JWT', 'CI_JOB_JWT_V1', 'CI_JOB_JWT_V2', 'CI_REGISTRY_PASSWORD', 'CI_DEPLOY_PASSWORD', 'CI_DEPENDENCY_PROXY_PASSWORD', 'CI_REPOSITORY_URL',
  'GITLAB_TOKEN', 'BITBUCKET_STEP_OIDC_TOKEN', 'SYSTEM_ACCESSTOKEN', 'CIRCLE_OIDC_TOKEN', 'CIRCLE_OIDC_TOKEN_V2',
  'NPM_TOKEN', 'NODE_AUTH_TOKEN', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AZURE_CLIENT_SECRET', 'GOOGLE_APPLICATION_CREDENTIALS',
]);

/** Prefixes: the tool's own credentials per environment, and GitHub Actions' runtime tokens. */
const CREDENTIAL_PREFIXES = ['CONECTA_TOKEN', 'CONECTA_PASSWORD', 'ACTIONS_'];

/** Whether `${env:NAME}` must refuse NAME. Case-insensitive: Windows environments are. */
export function isCredentialVariable(name: string): boolean {
  const upper = name.toUpperCase();
  return CREDENTIAL_NAMES.has(upper) || CREDENTIAL_PREFIXES.some((prefix) => upper.startsWith(prefix));
}

/** Whether the variable's value is a secret to mask (a credential, not a URL or a flag). */
export function isSecretVariable(name: string): boolean {
  return isCredentialVariable(name) && /TOKEN|PASSWORD|SECRET|JWT|CREDENTIALS/i.test(name);
}
