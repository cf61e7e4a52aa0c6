// Shared jest settings: ts-jest in ESM mode (the @actions/* v3 packages are ESM-only).
export const base = {
  testEnvironment: 'node',
  testMatch: ['**/*.test.ts'],
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    '^.+\\.ts$': [
      'ts-jest',
      { useESM: true, tsconfig: 'tsconfig.json', diagnostics: { warnOnly: false } }
    ]
  },
  verbose: false
}
