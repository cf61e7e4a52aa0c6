import { base } from './jest.base.config.js'

/** The real Docker daemon, the bundled dist/, a local GitHub API server. Serial: one daemon. */
export default {
  ...base,
  displayName: 'integration',
  roots: ['<rootDir>/__tests__/integration'],
  testTimeout: 300000,
  maxWorkers: 1
}
