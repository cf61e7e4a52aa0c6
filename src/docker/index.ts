/** The Docker adapter: every docker call of the pipeline goes through these modules. */
export {
  BUILD_LOG_MAGIC,
  buildLogPathFor,
  keepBuildLog,
  runBuild,
  type BuildOptions,
  type BuildRun,
  type PassThrough
} from './build.js'
export { listLocalSources, sameUse, usedBetween, type LocalSource } from './buildcache.js'
export { detectBuilder, parseVersion, type BuilderKind, type DockerHostInfo } from './builder.js'
export { buildxWarnings } from './buildx.js'
export { clientConfigDir } from './client-files.js'
export { daemonExec } from './engine.js'
export {
  DockerError,
  commandError,
  dockerClient,
  dockerExec,
  lastErrorLine,
  run,
  runOrThrow,
  type DockerExec
} from './exec.js'
export {
  inspectImage,
  layerForStep,
  removeUntagged,
  stageBaseLength,
  type ImageInfo
} from './image.js'
export { normalizeLayerPath, scanLayer, type LayerEntry, type WantedLayer } from './layers.js'
export { readOnBuild } from './onbuild.js'
export { readWantedLayers } from './overlay.js'
export { clientFactsPath, parseClientFacts, probeBuilder } from './probe.js'
export { clearCommands, prune, pruneCommands, pruneImpliesNoCache, runPrune } from './prune.js'
export { TarWalker, walkImageSave } from './save.js'
