import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.data/**', 'coverage/**', 'test/artifacts/**', 'test/support/generated/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', URL: 'readonly', globalThis: 'readonly' },
      // Lets consistent-type-imports see that decorator metadata needs the runtime class.
      parserOptions: { emitDecoratorMetadata: true, experimentalDecorators: true },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false }],
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.name='process'][property.name='env']",
          message: 'Read configuration through src/config only.',
        },
      ],
    },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { module: 'writable', require: 'readonly' } },
  },
  {
    files: [
      'src/config/**',
      'src/main.ts',
      'src/database/embedded-postgres.ts',
      'src/database/embedded-postgres-files.ts',
      'test/**',
      'bench/**',
      'scripts/**',
      '*.mjs',
    ],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    // The matching and sovereignty cores are pure: no framework, no ORM (CONVENTIONS, "Flow of a request" §4).
    files: ['src/matches/scoring/**/*.ts', 'src/sovereignty/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@nestjs/*', 'typeorm', 'typeorm/*', 'pg', 'meilisearch'],
              message: 'The scoring core stays pure: no Nest, TypeORM or I/O imports.',
            },
          ],
        },
      ],
    },
  },
  {
    // Reference lookups, proximity and sector match are used by the scoring core: same purity.
    files: [
      'src/reference/geo/**/*.ts',
      'src/reference/sectors/**/*.ts',
      'src/reference/sovereignty/**/*.ts',
      'src/reference/data/**/*.ts',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@nestjs/*', 'typeorm', 'typeorm/*', 'pg', 'meilisearch'],
              message: 'Reference lookups stay pure: no Nest, TypeORM or I/O imports.',
            },
          ],
        },
      ],
    },
  },
  {
    // The need state machine and requirement rules are pure functions, tested with it.each tables.
    files: ['src/needs/need-lifecycle.ts', 'src/needs/need-requirements.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@nestjs/*', 'typeorm', 'typeorm/*', 'pg', 'meilisearch'],
              message: 'The need state machine stays pure: no Nest, TypeORM or I/O imports.',
            },
          ],
        },
      ],
    },
  },
  {
    // The introduction state machine and the stats arithmetic are pure too, tested with it.each tables.
    files: [
      'src/introductions/introduction-lifecycle.ts',
      'src/introductions/deal-outcome.ts',
      'src/stats/stats-figures.ts',
      'src/stats/deal-values.ts',
      'src/stats/period-report.ts',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@nestjs/*', 'typeorm', 'typeorm/*', 'pg', 'meilisearch'],
              message: 'This file stays pure: no Nest, TypeORM or I/O imports.',
            },
          ],
        },
      ],
    },
  },
);
