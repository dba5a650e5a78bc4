/**
 * The project file (`conecta.yaml`) in model terms. The types are generated from
 * schema/project.schema.json (`npm run schema:write`), which is checked first; they describe a
 * file that passed the schema.
 */
import type { ConectaProject, Credentials, Environment } from '../../../schema/generated/project-types.js';

export type ProjectFile = ConectaProject;
export type EnvironmentSpec = Environment;
/** Names of environment variables, never values. */
export type CredentialNames = Credentials;

/** The base folders when the project file lists none. */
export const DEFAULT_CONFIG_FOLDERS: readonly string[] = ['config'];

/** Keys that would reach an object's prototype if used as names. */
export const RESERVED_NAMES: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);
