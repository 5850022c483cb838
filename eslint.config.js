import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', 'data/**', 'test-results/**', 'coverage/**'] },
  js.configs.recommended,
  // Type-aware: a promise nobody awaits (or one handed to a callback whose result is ignored)
  // is how a failure becomes an unhandled rejection or a write races its own response.
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      globals: { ...globals.node },
      // One TypeScript program per tsconfig (server, shared, client, test, scripts), found from
      // each file; the root vitest configs belong to none and get a default program.
      parserOptions: {
        projectService: { allowDefaultProject: ['vitest.config.ts', 'vitest.reliability.config.ts'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      '@typescript-eslint/no-namespace': 'off',
      // Off on purpose: the store adapters implement an async port over a synchronous driver
      // (better-sqlite3), and `async` is what turns a thrown SQLite error into the rejected
      // promise the port promises. Dropping `async` to please the rule would change behaviour.
      '@typescript-eslint/require-await': 'off',
      'no-console': 'error',
    },
  },
  {
    // HTTP and socket payloads in tests are JSON typed `any` (supertest's `res.body`, fetch's
    // `json()`); the assertions are what check their shape, so reading them is not flagged.
    // Everything else, floating and misused promises included, applies to tests as well.
    files: ['test/**/*.ts', '**/*.test.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  // Plain JavaScript (this file) has no types to check.
  { files: ['**/*.js'], ...tseslint.configs.disableTypeChecked },
  {
    files: ['client/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
);
