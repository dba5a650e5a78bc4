/**
 * The project file (`conecta.yaml`) in model terms. Mirrors schema/project.schema.json, which is
 * checked first; these types describe a file that passed the schema.
 */
export interface ProjectFile {
  version: 1;
  /** Base folders, relative to the project file. Default `['config']`. */
  config?: string[];
  variables?: Record<string, string | number | boolean>;
  defaultEnvironment?: string;
  environments?: Record<string, EnvironmentSpec>;
}

export interface EnvironmentSpec {
  url?: string;
  sandbox?: boolean;
  credentials?: CredentialNames;
  variables?: Record<string, string | number | boolean>;
  config?: string[];
}

/** Names of environment variables, never values. */
export interface CredentialNames {
  token?: string;
  email?: string;
  password?: string;
}

/** The base folders when the project file lists none. */
export const DEFAULT_CONFIG_FOLDERS: readonly string[] = ['config'];

/** Keys that would reach an object's prototype if used as names. */
export const RESERVED_NAMES: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);
