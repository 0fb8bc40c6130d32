import js from '@eslint/js';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import importX from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const features = ['accounts', 'workstreams', 'templates', 'routing', 'queues', 'conversations', 'sandbox', 'auth', 'users', 'audit'];

/** Pure layers: no React, no Node built-ins, no network or storage libraries. */
const pureLayerImports = {
  patterns: [
    { group: ['react', 'react-*', 'react/*', '@fluentui/*', '@tanstack/*', 'i18next', 'msw', 'msw/*'], message: 'domain/ and api/contract/ stay free of UI and I/O.' },
    { group: ['node:*', 'fs', 'path', 'http', 'https', 'crypto', 'child_process', 'pg', '@electric-sql/*', 'drizzle-orm', 'drizzle-orm/*', 'fastify', 'twilio'], message: 'domain/ and api/contract/ stay free of Node and I/O.' },
    { group: ['@/api/client', '@/api/problem', '@/features/*', '@/components/*', '@/app/*', '@/mocks/*', '@/server/*', '@/i18n/*', '@/config/*', '@/resources/*'], message: 'domain/ and api/contract/ import only each other.' },
  ],
};

const noTestSupport = { group: ['@/testing/*', '**/testing/*'], message: 'Product code never imports test support (src/testing).' };

/** Screens read and write server state only through src/resources. */
const throughResources = [
  {
    name: '@tanstack/react-query',
    importNames: ['useQueryClient', 'QueryClient', 'useMutation', 'queryOptions', 'infiniteQueryOptions'],
    message: 'Use the factories and mutation hooks of src/resources.',
  },
  { name: '@/api/client', message: 'Screens reach the API through src/resources.' },
];

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'public/mockServiceWorker.js', 'playwright-report/', 'test-results/', 'coverage/', 'data/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,js,mjs}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'import-x': importX, 'react-hooks': reactHooks },
    settings: {
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })],
    },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-self-import': 'error',
      'import-x/no-useless-path-segments': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            // Data flows one way: app → features → (components, api, domain).
            ...features.map((feature) => ({
              target: `./src/features/${feature}`,
              from: './src/features',
              except: [`./${feature}`],
              message: 'Features never import each other; compose them in src/app.',
            })),
            { target: './src/features', from: './src/app', message: 'Features do not import the app layer.' },
            { target: './src/features', from: './src/mocks', message: 'Features talk to the API, never to the mock.' },
            { target: './src/components', from: ['./src/features', './src/app', './src/mocks'], message: 'Shared components know no feature.' },
            { target: './src/api', from: ['./src/features', './src/components', './src/app', './src/mocks', './src/i18n', './src/resources'], message: 'The API layer knows no UI.' },
            {
              target: './src/resources',
              from: ['./src/features', './src/components', './src/app', './src/mocks', './src/i18n'],
              message: 'The resource layer knows the API and the contract, never a screen.',
            },
            { target: './src/mocks', from: ['./src/features', './src/components', './src/app', './src/i18n', './src/api/client.ts', './src/api/problem.ts'], message: 'Mocks depend only on the contract and the domain.' },
            { target: './src/domain', from: ['./src/api', './src/features', './src/components', './src/app', './src/mocks', './src/i18n', './src/config', './src/resources'], message: 'The domain is pure.' },
            {
              target: ['./src/app', './src/features', './src/components', './src/api', './src/domain', './src/mocks', './src/i18n', './src/resources'],
              from: './src/twilio-sim',
              message: 'The Twilio simulator is a test and offline tool; the product never imports it.',
            },
            {
              target: './src/sample-bot',
              from: ['./src/app', './src/features', './src/components', './src/mocks', './src/i18n', './src/resources', './src/config', './src/server', './src/twilio-sim', './src/api/client.ts', './src/api/problem.ts'],
              message: 'The sample bot stands for a third party: it knows only the domain, the contract and Node.',
            },
            {
              target: ['./src/app', './src/features', './src/components', './src/api', './src/domain', './src/mocks', './src/i18n', './src/resources', './src/server', './src/twilio-sim'],
              from: './src/sample-bot',
              message: 'The sample bot is a tool beside the product; the demo runs its logic from src/domain/bot/menu-bot.ts.',
            },
            {
              target: './src/twilio-sim',
              from: ['./src/server', './src/app', './src/features', './src/components', './src/mocks', './src/i18n'],
              message: 'The simulator stands for Twilio: it knows only the domain and the contract.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/domain/**', 'src/api/contract/**'],
    ignores: ['**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', pureLayerImports] },
  },
  {
    // Test support lives in src/testing; product code never reaches into it.
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/testing/**', '**/*.test.ts', '**/*.test.tsx', 'src/domain/**', 'src/api/contract/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [noTestSupport] }],
    },
  },
  {
    files: ['src/features/**/*.{ts,tsx}', 'src/components/**/*.{ts,tsx}'],
    ignores: ['**/*.test.ts', '**/*.test.tsx'],
    rules: { 'no-restricted-imports': ['error', { paths: throughResources, patterns: [noTestSupport] }] },
  },
  {
    // Routes parse and authorize, services hold the SQL and the transactions (src/server/services).
    files: ['src/server/routes/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            noTestSupport,
            { group: ['drizzle-orm', 'drizzle-orm/*', '../db/*', '@/server/db/*'], message: 'Routes parse and authorize; the SQL and transactions belong in src/server/services.' },
          ],
        },
      ],
    },
  },
  {
    // The sample bot is what a bot's author could write: Node's built-ins and the published contract, no
    // other package. Last, so it replaces the product's import rule for these files.
    files: ['src/sample-bot/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '^(?!node:|@/domain/|@/api/contract/|\\./)', message: 'src/sample-bot imports only node:*, @/domain and @/api/contract.' }] },
      ],
    },
  },
  {
    files: ['e2e/**', '*.config.ts', '*.config.js'],
    rules: { 'react-hooks/rules-of-hooks': 'off' },
  },
);
