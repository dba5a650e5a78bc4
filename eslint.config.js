// Lint rules, including the core-purity rule of STYLE.md: cli/core is a pure engine.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const impureModules = [
  'fs', 'fs/promises', 'node:fs', 'node:fs/promises', 'http', 'https', 'node:http', 'node:https',
  'net', 'node:net', 'child_process', 'node:child_process', 'undici', 'process', 'node:process',
  'os', 'node:os', 'readline', 'node:readline', 'worker_threads', 'node:worker_threads',
];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'schema/generated/**', 'coverage/**', '.conecta/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly',
        setInterval: 'readonly', clearInterval: 'readonly', URL: 'readonly', Buffer: 'readonly',
        AbortController: 'readonly', AbortSignal: 'readonly', structuredClone: 'readonly', performance: 'readonly',
        TextEncoder: 'readonly', TextDecoder: 'readonly', queueMicrotask: 'readonly', setImmediate: 'readonly' },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-syntax': ['error', { selector: 'ExportDefaultDeclaration', message: 'Named exports only (STYLE.md).' }],
    },
  },
  {
    files: ['cli/core/**/*.ts'],
    ignores: ['cli/core/execute/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: impureModules.map((name) => ({ name, message: 'cli/core is pure: do I/O in cli/services or cli/io.' })) }],
      'no-restricted-globals': ['error',
        { name: 'process', message: 'cli/core is pure: pass values in.' },
        { name: 'console', message: 'cli/core never prints: return data or emit events.' },
        { name: 'setTimeout', message: 'cli/core has no clock: inject one.' },
        { name: 'setInterval', message: 'cli/core has no clock: inject one.' },
        { name: 'fetch', message: 'cli/core has no network.' },
        { name: 'performance', message: 'cli/core has no clock.' },
      ],
      'no-restricted-properties': ['error',
        { object: 'Date', property: 'now', message: 'cli/core has no clock: inject one.' },
        { object: 'Math', property: 'random', message: 'cli/core has no randomness: inject it.' },
      ],
      'no-restricted-syntax': ['error',
        { selector: 'ExportDefaultDeclaration', message: 'Named exports only (STYLE.md).' },
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'cli/core has no clock: inject one.' },
      ],
    },
  },
  {
    // The executor is the one core module with effects, and only through its injected port.
    files: ['cli/core/execute/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: impureModules.map((name) => ({ name, message: 'The executor reaches the world only through its port.' })) }],
      'no-restricted-globals': ['error', { name: 'console', message: 'The executor emits events; it never prints.' }, { name: 'process', message: 'Inject it.' }],
    },
  },
  {
    // STYLE.md: a provider may import the core's model and errors, nothing of cli/io; the run's
    // redactor reaches it through the Redactor interface of providers/contract.ts.
    files: ['providers/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/cli/io/*', '**/cli/services/*', '**/cli/commands/*'], message: 'Providers do not import the shell: take what you need through providers/contract.ts.' }] }],
    },
  },
  {
    files: ['test/support/summary-reporter.ts', 'vitest.config.ts', 'vitest.faults.config.ts', 'eslint.config.js'],
    rules: { 'no-restricted-syntax': 'off' },
  },
);
