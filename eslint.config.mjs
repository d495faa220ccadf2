// Flat config. Besides the usual rules it enforces the architecture's import boundaries:
// only src/ui (and the extension entry point) may import `vscode`; the MCP SDK stays out of core, present and actions.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const noVscode = {
  name: 'vscode',
  message: 'Only src/ui and src/extension.ts may import vscode (see docs/ARCHITECTURE.md).',
};
const noSdk = {
  group: ['@modelcontextprotocol/*'],
  message: 'The MCP SDK belongs in src/mcp, src/engine and src/api transports only.',
};

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', '.cache/**', 'media/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      curly: ['error', 'all'],
      eqeqeq: ['error', 'smart'],
      'no-console': 'off',
    },
  },
  {
    files: ['src/core/**/*.ts', 'src/present/**/*.ts', 'src/actions/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [noVscode], patterns: [noSdk] }] },
  },
  {
    files: ['src/api/**/*.ts', 'src/engine/**/*.ts', 'src/mcp/**/*.ts', 'src/engine.ts', 'src/bridge.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [noVscode] }] },
  },
  {
    // test-only extensions the harness installs as they are (plain CommonJS, no build step)
    files: ['test/fixtures/*/extension.js'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', module: 'writable' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['**/*.mjs', '**/*.cjs', 'scripts/**/*.js'],
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        setTimeout: 'readonly',
        require: 'readonly',
        __dirname: 'readonly',
        URL: 'readonly',
      },
    },
  },
);
