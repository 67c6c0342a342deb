// @ts-check
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

/*
 * Code rules. Import boundaries between processes and layers live in .dependency-cruiser.cjs;
 * the rules here keep the code uniform: named exports, type-only imports, no floating
 * promises, no console in app code, raw IPC only in its two adapter files, no literal UI text.
 */
export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      '.tools/',
      'dist/',
      'tests/fixtures/',
      'tests/artifacts/',
      'test-results/',
      'playwright-report/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: {
      parserOptions: {
        project: [
          './preload/contract/tsconfig.json',
          './preload/tsconfig.json',
          './renderer/tsconfig.json',
          './tsconfig.node.json',
          './tsconfig.e2e.json',
        ],
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      curly: ['error', 'all'],
      eqeqeq: ['error', 'always'],
      'no-console': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error', { selector: 'ExportDefaultDeclaration', message: 'Use named exports.' }],
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              importNames: ['ipcMain'],
              message: 'Only main/ipc/register-electron.ts and the Electron entry touch ipcMain.',
            },
            { name: 'electron', importNames: ['ipcRenderer'], message: 'Only preload/index.ts touches ipcRenderer.' },
          ],
        },
      ],
    },
  },
  {
    // The two adapters that own raw IPC.
    files: ['main/ipc/register-electron.ts', 'main/app/electron/main.ts', 'preload/index.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-syntax': [
        'error',
        { selector: 'ExportDefaultDeclaration', message: 'Use named exports.' },
        { selector: 'JSXText[value=/[\\p{L}\\p{N}]/u]', message: 'UI text comes from renderer/i18n/vi.ts.' },
        {
          selector: 'JSXAttribute[name.name=/^(aria-label|title|placeholder|alt)$/] > Literal',
          message: 'UI text comes from renderer/i18n/vi.ts.',
        },
      ],
    },
  },
  {
    // Config files are loaded by tools that expect a default export; CLIs and scripts print.
    files: [
      '*.config.ts',
      '*.config.js',
      'tests/**/playwright.config.ts',
      'tests/support/pki/global-setup.ts',
      'tests/support/clock/global-setup.ts',
      'tests/electron/report-binary.ts',
    ],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    files: ['scripts/**', 'tests/**', 'server/main.ts', 'main/cli/bin.ts', 'main/app/browser/start.ts'],
    rules: { 'no-console': 'off' },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    // Scripts run inside `mutool run` (mupdf's JavaScript), not Node.
    files: ['tests/support/validators/*.js', 'tests/support/verify/*.js'],
    languageOptions: {
      sourceType: 'script',
      globals: {
        PDFDocument: 'readonly',
        scriptArgs: 'readonly',
        print: 'readonly',
        Font: 'readonly',
        Buffer: 'readonly',
      },
    },
    rules: { curly: 'off', 'no-var': 'off' },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { module: 'writable', require: 'readonly' } },
  },
);
