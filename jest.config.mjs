/** ESM + SWC: NestJS 12 is ESM-only, and SWC transforms decorators with their metadata. */
const swc = [
  '@swc/jest',
  {
    swcrc: false,
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      target: 'es2022',
      keepClassNames: true,
    },
    module: { type: 'es6' },
    sourceMaps: 'inline',
  },
];

/** ESM-only packages that CommonJS dependencies require(): Node 20.19+ allows it, Jest on Node 20 does not. */
const esmRequiredFromCjs = ['content-disposition'];
const swcToCjs = ['@swc/jest', { swcrc: false, jsc: { target: 'es2022' }, module: { type: 'commonjs' } }];

const common = {
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    '^.+\\.ts$': swc,
    [`/node_modules/(${esmRequiredFromCjs.join('|')})/.+\\.js$`]: swcToCjs,
  },
  transformIgnorePatterns: [`/node_modules/(?!(${esmRequiredFromCjs.join('|')})/)`],
  testEnvironment: 'node',
};

export default {
  globalSetup: '<rootDir>/test/support/global-setup.mjs',
  globalTeardown: '<rootDir>/test/support/global-teardown.mjs',
  // 60 s: e2e set-ups (an app, a few accounts) passed 30 s on this 2-core machine under load.
  testTimeout: 60000,
  maxWorkers: process.env.JEST_MAX_WORKERS ?? 2,
  // ESM test files run in vm contexts whose modules the worker never frees: one worker reached its
  // 4 GB heap after ~100 files, spent 98 % of its time in GC and crashed (CI, 2026-12-06). A worker
  // above this after a file is replaced by a fresh one.
  workerIdleMemoryLimit: process.env.JEST_WORKER_MEMORY ?? '1GB',
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/src/**/*.spec.ts'] },
    { ...common, displayName: 'e2e', testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'] },
  ],
};
