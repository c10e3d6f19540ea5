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
      // Suites that build no app, test both versions themselves (not-found*, routes), or test
      // the package, the browser and generated documents (no Express version involved).
      testPathIgnorePatterns: [
        '/node_modules/',
        '/test/(examples|readme|readme-contract|readme-localisation|locales|negotiate|negotiate-hostile|headers|errors|problem-json|render-html|retry-text|define-messages|package|browser|schema|openapi|not-found|not-found-middleware|not-found-property|routes|examples-unmatched|example-openapi)\\.test\\.ts$',
      ],
    },
  ],
};

export default config;
