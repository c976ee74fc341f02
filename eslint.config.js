// ESLint flat config (ESLint 10).
//
// Besides the usual recommended sets, this file enforces the architecture described in
// /work/shared/STYLE.md, in the bulletproof-react way (import/no-restricted-paths zones and
// import/no-cycle, here through eslint-plugin-import-x):
//
//   src/app  ->  src/features/<x>  ->  src/{components,lib,theme,i18n}  ->  src/domain  (zod only)
//   server/  ->  src/domain only
//   nothing in src/ reaches server/ or mocks/ (except src/main.tsx -> mocks/, lazily, and tests)
//
// Typed linting uses the TypeScript project service with tsconfig.json.
import fs from 'node:fs';
import path from 'node:path';
import js from '@eslint/js';
import pluginQuery from '@tanstack/eslint-plugin-query';
import { defineConfig, globalIgnores } from 'eslint/config';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const root = import.meta.dirname;

const TS_FILES = ['**/*.{ts,tsx,mts,cts}'];
const JS_FILES = ['**/*.{js,mjs,cjs}'];
const TEST_FILES = ['**/*.test.{ts,tsx}', 'tests/**/*.{ts,tsx}'];

// ---------------------------------------------------------------------------------------------
// Architecture zones for import-x/no-restricted-paths (paths are relative to this file).
// ---------------------------------------------------------------------------------------------

/** One zone per existing feature folder: a feature may not import another feature. */
function featureZones() {
  const featuresDir = path.join(root, 'src/features');
  if (!fs.existsSync(featuresDir)) return [];
  return fs
    .readdirSync(featuresDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => ({
      target: `./src/features/${entry.name}`,
      from: './src/features',
      except: [`./${entry.name}`],
      message: 'A feature never imports another feature: move what both need down to src/components, src/lib or src/domain.',
    }));
}

const SHARED_LAYERS = ['./src/components', './src/lib', './src/theme', './src/i18n'];

/** Zones every file obeys, tests included. */
const layerZones = [
  // src/domain is the innermost layer: nothing else from the SPA.
  {
    target: './src/domain',
    from: './src',
    except: ['./domain'],
    message: 'src/domain imports only zod and other src/domain modules.',
  },
  // server/ shares the domain with the SPA and nothing else from it.
  {
    target: './server',
    from: './src',
    except: ['./domain'],
    message: 'server/ may import src/domain only, nothing else from the SPA.',
  },
  ...featureZones(),
  // Imports flow one way: app -> features -> shared.
  {
    target: './src/features',
    from: './src/app',
    message: 'Features do not import the app shell (imports flow app -> features -> shared).',
  },
  {
    target: SHARED_LAYERS,
    from: ['./src/features', './src/app'],
    message: 'Shared code (components, lib, theme, i18n) may not import from features or the app.',
  },
];

/** Production code may not reach the mock layer or the server. */
const srcNoServerZone = {
  target: './src',
  from: './server',
  message: 'The SPA talks to the server over HTTP only; share code through src/domain.',
};
const srcNoMocksZone = {
  target: './src',
  from: './mocks',
  message: 'Only src/main.tsx (lazily, in mock mode) and tests may import mocks/.',
};

const restrictedPaths = (zones) => ['error', { basePath: root, zones }];

export default defineConfig(
  // -------------------------------------------------------------------------------------------
  // Files ESLint never looks at.
  // -------------------------------------------------------------------------------------------
  globalIgnores([
    '**/dist/',
    '**/node_modules/',
    'bench/results/',
    'playwright-report/',
    'test-results/',
    'coverage/',
    'data/',
    'scratch/',
  ]),

  // -------------------------------------------------------------------------------------------
  // Base rule sets.
  // -------------------------------------------------------------------------------------------
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: 'module',
      parserOptions: {
        projectService: true,
        tsconfigRootDir: root,
      },
    },
    linterOptions: {
      reportUnusedDisableDirectives: 'error',
    },
  },
  // JavaScript files (this config) are not in the TS program: lint them untyped.
  {
    files: JS_FILES,
    ...tseslint.configs.disableTypeChecked,
  },

  // Globals per runtime.
  {
    files: ['src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['server/**', 'mocks/**', 'tests/**', '*.config.{js,ts}', '**/*.test.{ts,tsx}'],
    languageOptions: { globals: { ...globals.node } },
  },

  // -------------------------------------------------------------------------------------------
  // Rules for all TypeScript code.
  // -------------------------------------------------------------------------------------------
  {
    files: [...TS_FILES, ...JS_FILES],
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          args: 'after-used',
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          caughtErrorsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
          ignoreRestSiblings: true,
        },
      ],
    },
  },
  {
    files: TS_FILES,
    rules: {
      // `onSubmit={handleSubmit(fn)}` (react-hook-form) returns a promise to a void attribute.
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      // TanStack Router's idiom: `throw redirect({ to })` and `throw notFound()` in loaders.
      '@typescript-eslint/only-throw-error': [
        'error',
        {
          allow: [{ from: 'package', package: '@tanstack/router-core', name: ['Redirect', 'NotFoundError'] }],
        },
      ],
      '@typescript-eslint/no-non-null-assertion': 'error',
      // MUI 9's Typography takes palette keys (`textSecondary`), not theme paths: `text.secondary`
      // was silently ignored and drew secondary text in the primary colour.
      'no-restricted-syntax': [
        'error',
        {
          selector: 'JSXAttribute[name.name="color"] > Literal[value=/^text\\./]',
          message: 'Typography colour is a palette key: color="textSecondary", not "text.secondary".',
        },
      ],
    },
  },

  // -------------------------------------------------------------------------------------------
  // React (hooks, TanStack Query): the SPA and UI test helpers. Not Playwright specs, whose
  // fixtures call a function named `use` that rules-of-hooks would mistake for React's.
  // -------------------------------------------------------------------------------------------
  {
    files: ['src/**/*.{ts,tsx}', 'tests/**/*.{ts,tsx}'],
    ignores: ['tests/e2e/**'],
    ...reactHooks.configs.flat.recommended,
  },
  ...pluginQuery.configs['flat/recommended'].map((config) => ({
    ...config,
    files: ['src/**/*.{ts,tsx}', 'tests/**/*.{ts,tsx}'],
    ignores: ['tests/e2e/**'],
  })),

  // -------------------------------------------------------------------------------------------
  // Architecture: import-x/no-cycle and no-restricted-paths.
  // -------------------------------------------------------------------------------------------
  {
    files: TS_FILES,
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.tsx', '.js'],
      'import-x/external-module-folders': ['node_modules', 'node_modules/@types'],
      'import-x/resolver-next': [
        createNodeResolver({
          extensions: ['.ts', '.tsx', '.js'],
          // NodeNext-style `./x.js` specifiers resolve to `./x.ts`, as tsx and TypeScript do.
          extensionAlias: { '.js': ['.ts', '.tsx', '.js'] },
        }),
      ],
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-restricted-paths': restrictedPaths([
        ...layerZones,
        srcNoServerZone,
        srcNoMocksZone,
      ]),
    },
  },
  // The entry point may lazily import mocks/ (`await import('../mocks/browser')` in mock mode),
  // and so may mock mode's role switcher, which the shell loads only under import.meta.env.DEV.
  {
    files: ['src/main.tsx', 'src/app/mock-role-switcher.tsx'],
    rules: {
      'import-x/no-restricted-paths': restrictedPaths([
        ...layerZones,
        srcNoServerZone,
      ]),
    },
  },
  // Tests may use the mock layer and the real server app (MSW routes /api/* into Hono), but
  // still respect the layers and feature boundaries.
  {
    files: TEST_FILES,
    rules: {
      'import-x/no-restricted-paths': restrictedPaths(layerZones),
    },
  },

  // src/domain: no packages except zod (relative imports are policed by the zones above).
  {
    files: ['src/domain/**/*.{ts,tsx}'],
    ignores: TEST_FILES,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(?!(?:zod(?:/.*)?|\\.{1,2}/.*)$)',
              message: 'src/domain imports only zod (and other src/domain modules).',
            },
          ],
        },
      ],
    },
  },

  // -------------------------------------------------------------------------------------------
  // Tests.
  // -------------------------------------------------------------------------------------------
  {
    files: TEST_FILES,
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  // Playwright fixtures must destructure their first argument, even when they need nothing.
  {
    files: ['tests/e2e/**/*.ts'],
    rules: {
      'no-empty-pattern': ['error', { allowObjectPatternsAsParameters: true }],
    },
  },
);
