import type { Config } from 'jest';

const base: Config = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }],
    // got and its dependencies are ES modules only: see the transform's comment.
    '/node_modules/.+\\.js$': '<rootDir>/test/helpers/esm-transform.js',
  },
  transformIgnorePatterns: [],
};

const config: Config = {
  // Type errors are reported once, by `tsc --noEmit` in `npm test`.
  testTimeout: 20000,
  projects: [
    { ...base, displayName: 'express5', testMatch: ['<rootDir>/test/**/*.test.ts'] },
    {
      ...base,
      // The suites under test/app/ build Express apps with `import express from 'express'`;
      // they run again with `express` resolved to Express 4 (the `express4` npm alias). The
      // other folders hold pure modules, suites that load both versions themselves
      // (test/not-found/), and the package, the docs and the Express 5 examples.
      displayName: 'express4',
      testMatch: ['<rootDir>/test/app/**/*.test.ts'],
      moduleNameMapper: { '^express$': 'express4' },
      setupFiles: ['<rootDir>/test/helpers/express4.setup.ts'],
    },
  ],
};

export default config;
