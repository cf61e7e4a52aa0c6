import { base } from './jest.base.config.js'

/** Pure logic and fixtures: no daemon, runs anywhere in seconds. */
export default {
  ...base,
  displayName: 'unit',
  roots: ['<rootDir>/__tests__/unit'],
  testTimeout: 30000
}
