export {
  ComposeError,
  composeProjectName,
  defaultImageName,
  normalizeProjectName,
  readComposeFile,
  readComposeProject,
  type ComposeFlavor,
  type ComposeProject,
  type ComposeService,
  type ReadComposeOptions
} from './read.js'
export {
  composeBuildCommand,
  detectCompose,
  parseComposeVersion,
  type ComposeBuildOptions,
  type ComposeCommand,
  type ComposeTool
} from './command.js'
export { interpolate, InterpolationError, parseDotEnv, type Vars } from './interpolate.js'
export {
  configCommandName,
  differences,
  fromConfig,
  resolveComposeProject,
  type ResolveComposeOptions,
  type ResolvedCompose
} from './resolve.js'
