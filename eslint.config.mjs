import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', '.vscode-test/**', 'test-results/**', 'test/fixtures/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
    },
  },
  {
    // The core is pure: testable in plain Node and usable outside the editor.
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'vscode', message: 'src/core must not import vscode: convert types in the adapter layer.' }] }],
    },
  },
  {
    // What the providers compute, from narrow document and settings interfaces: unit-tested in plain Node.
    files: [
      'src/workbench/textDocument.ts',
      'src/workbench/documents.ts',
      'src/workbench/ids.ts',
      'src/cite/hoverCard.ts',
      'src/cite/completionItems.ts',
      'src/cite/ghostText.ts',
      'src/cite/citationEdits.ts',
      'src/check/checking.ts',
      'src/factsView/factsTree.ts',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'vscode',
              message:
                'Providers’ pure parts read TextDocumentLike and SettingsSource (src/workbench/textDocument.ts); the adapter converts to VS Code’s types.',
              allowTypeImports: true,
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: {
      globals: {
        require: 'readonly',
        module: 'writable',
        process: 'readonly',
        console: 'readonly',
        __dirname: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        setImmediate: 'readonly',
        Buffer: 'readonly',
        fetch: 'readonly',
      },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  // Layout is Prettier's (npm run format; lint checks it): no lint rule argues with it.
  prettier,
);
