import unit from './jest.unit.config.js'
import integration from './jest.integration.config.js'

/** The whole suite: both projects, as .ci/run and `npm test` run it. */
export default { projects: [unit, integration] }
