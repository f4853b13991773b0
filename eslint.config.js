// Lint: JavaScript/TypeScript/Svelte recommended rules, plus the typed rules that catch a promise
// nobody awaits or handles (an engine call whose failure would vanish). Formatting is Prettier's.
import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

export default ts.config(
  { ignores: ['build/', '.svelte-kit/', 'node_modules/', 'bench/out/', 'tests/.tmp/', 'test-results/', 'playwright-report/'] },
  js.configs.recommended,
  ...ts.configs.recommended,
  ...svelte.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } }
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: ts.parser, extraFileExtensions: ['.svelte'], svelteConfig } }
  },
  {
    files: ['src/**/*.ts', 'src/**/*.svelte', 'workers/**/*.ts', 'common/**/*.ts'],
    // The service worker has its own tsconfig-less world (WebWorker lib, checked by svelte-check).
    ignores: ['src/service-worker.ts'],
    languageOptions: { parserOptions: { projectService: true, extraFileExtensions: ['.svelte'], tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/await-thenable': 'error'
    }
  },
  {
    // Reference values from papers and R are quoted to all their published digits.
    files: ['**/*.test.ts'],
    rules: { 'no-loss-of-precision': 'off' }
  },
  {
    rules: {
      // Maps, Sets, Dates and URLs in components are local working values, never state to react to.
      'svelte/prefer-svelte-reactivity': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/no-explicit-any': 'off'
    }
  }
);
