/** The Dockerfile stage of the pipeline: which steps read the context, what they read, where it lands. */
export { readDockerfile, neededStages, DockerfileError } from './read.js'
export type { ReadPlan, PlannedStage, PlannedStep, ReadOptions, StageInfo, Vertex } from './read.js'
export {
  selectSources,
  hashSteps,
  destinationFor,
  resolveLinks,
  sourceSpec,
  under
} from './select.js'
