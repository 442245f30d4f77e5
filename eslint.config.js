import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import * as espree from 'espree';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', 'test-results/**', 'playwright-report/**', 'scripts/*.js', '.tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  { files: ['**/*.cjs'], languageOptions: { sourceType: 'commonjs', globals: { module: 'writable', require: 'readonly' } } },
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      // One end for every exhaustive switch: shared/never.ts assertNever, not a local copy.
      'no-restricted-syntax': [
        'error',
        { selector: 'VariableDeclarator[id.typeAnnotation.typeAnnotation.type="TSNeverKeyword"]', message: 'Use assertNever from shared/never.ts.' },
      ],
    },
  },
  {
    // Classic scripts served as they are (boot-check.js): ES5 syntax, parsed as such, so that a
    // phone too old for the bundle still runs them.
    files: ['client/public/**/*.js'],
    languageOptions: { parser: espree, ecmaVersion: 5, sourceType: 'script', globals: { window: 'readonly', document: 'readonly' } },
    rules: { '@typescript-eslint/no-unused-vars': ['error', { caughtErrors: 'none' }] },
  },
);
