export {
  composeBuildCommand,
  detectCompose,
  parseComposeVersion,
  type ComposeBuildOptions,
  type ComposeCommand,
  type ComposeTool
} from './command.js'
export { InterpolationError, interpolate, parseDotEnv, type Vars } from './interpolate.js'
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
  configCommandName,
  differences,
  fromConfig,
  resolveComposeProject,
  type ResolveComposeOptions,
  type ResolvedCompose
} from './resolve.js'
