/**
 * The commands the adapters run (hash, build/check, clear), the request they are asked with, and
 * the options and error model both adapters share.
 */
export {
  buildSecretValues,
  noBuildFlags,
  parseAddHost,
  parseBuildContexts,
  parseLabels,
  parseSecretFileLines,
  parseSecretFlag,
  parseSecretLines,
  parseShmSize,
  parseSsh,
  parseUlimit,
  type BuildFlags
} from './build-flags.js'
export { resolveClearPath, runClear, type ClearOptions, type ClearReport } from './clear.js'
export { composeGuardOptions } from './compose.js'
export { UsageError, errorMessage, exitCodeFor } from './errors.js'
export { reportDocument, runGuard } from './guard.js'
export { checkContextDir, daemonOnBuild, hashContext, hashReport } from './hash.js'
export {
  parseBuildArgs,
  parsePrune,
  parseTag,
  parseTimeout,
  parseVerify,
  secretArgValues,
  truncate,
  type GuardOptions
} from './options.js'
export { pushMetadata } from './push.js'
export { guardOptions, type ComposeCli } from './request.js'
export { type Phase } from './run.js'
