import type { Config } from 'jest';

const base: Config = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
};

const config: Config = {
  // Type errors are reported once, by `tsc --noEmit` in `npm test`.
  testTimeout: 20000,
  projects: [
    { ...base, displayName: 'express5' },
    {
      ...base,
      // Every suite that builds an app runs again with `express` resolved to Express 4
      // (the `express4` npm alias); suites without an app and the Express 5 examples do not.
      displayName: 'express4',
      moduleNameMapper: { '^express$': 'express4' },
      setupFiles: ['<rootDir>/test/helpers/express4.setup.ts'],
      testPathIgnorePatterns: ['/node_modules/', '/test/(examples|readme|locales|negotiate|headers|errors)\\.test\\.ts$'],
    },
  ],
};

export default config;
