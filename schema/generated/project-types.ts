/* Generated from schema/project.schema.json by `npm run schema:write`. Do not edit. */

/**
 * The shared base: folders whose `*.yaml` files every environment loads. Default: `[config]`.
 *
 * @minItems 1
 */
export type Folders = string[];
/**
 * Extra folders layered over the base: an object here replaces the base object of the same kind and name, whole.
 *
 * @minItems 1
 */
export type Folders1 = string[];
/**
 * Letters, digits, `_`, `.` and `-`, starting with a letter or digit, such as `prod` or `cliente-a`.
 *
 * This interface was referenced by `ConectaProject`'s JSON-Schema
 * via the `definition` "EnvironmentName".
 */
export type EnvironmentName = string;
/**
 * The name of an environment variable, such as `CONECTA_TOKEN_PROD`.
 *
 * This interface was referenced by `ConectaProject`'s JSON-Schema
 * via the `definition` "VariableName".
 */
export type VariableName = string;
/**
 * @minItems 1
 *
 * This interface was referenced by `ConectaProject`'s JSON-Schema
 * via the `definition` "Folders".
 */
export type Folders2 = string[];

/**
 * conecta.yaml, the project file at the root of a config repository: which folders hold the config and which tenants (environments) it is applied to. Paths are relative to this file.
 */
export interface ConectaProject {
  /**
   * The project file version. Only `1` exists.
   */
  version: 1;
  config?: Folders;
  variables?: Variables;
  /**
   * The environment used when no `--env` (or `CONECTA_ENV`) is given. Without it, a project that lists environments needs `--env`.
   */
  defaultEnvironment?: string;
  /**
   * The tenants this repository manages, by name (`--env NAME`).
   */
  environments?: {
    [k: string]: Environment;
  };
}
/**
 * Default values for `${var:NAME}` in the config; an environment's `variables` override them one by one.
 */
export interface Variables {
  /**
   * The value inserted for `${var:NAME}`; numbers and booleans are written as text.
   */
  [k: string]: string | number | boolean;
}
/**
 * One tenant. Exactly one of `url` and `sandbox: true`.
 *
 * This interface was referenced by `ConectaProject`'s JSON-Schema
 * via the `definition` "Environment".
 */
export interface Environment {
  /**
   * The tenant's address, such as `https://acme.conecta.com.vc`.
   */
  url?: string;
  /**
   * `true`: the embedded local sandbox (no URL, no credentials).
   */
  sandbox?: boolean;
  credentials?: Credentials;
  variables?: Variables1;
  config?: Folders1;
}
/**
 * The NAMES of the environment variables holding the credentials, never the values: `{ token: VAR }` or `{ email: VAR, password: VAR }`. Required with `url`.
 *
 * This interface was referenced by `ConectaProject`'s JSON-Schema
 * via the `definition` "Credentials".
 */
export interface Credentials {
  /**
   * The name of an environment variable, such as `CONECTA_TOKEN_PROD`.
   */
  token?: string;
  /**
   * The name of an environment variable, such as `CONECTA_TOKEN_PROD`.
   */
  email?: string;
  /**
   * The name of an environment variable, such as `CONECTA_TOKEN_PROD`.
   */
  password?: string;
}
/**
 * Values for `${var:NAME}` in this environment, over the project's `variables`.
 */
export interface Variables1 {
  /**
   * The value inserted for `${var:NAME}`; numbers and booleans are written as text.
   */
  [k: string]: string | number | boolean;
}
/**
 * This interface was referenced by `ConectaProject`'s JSON-Schema
 * via the `definition` "Variables".
 */
export interface Variables2 {
  /**
   * The value inserted for `${var:NAME}`; numbers and booleans are written as text.
   */
  [k: string]: string | number | boolean;
}
