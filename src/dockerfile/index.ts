/** The Dockerfile stage of the pipeline: which steps read the context, what they read, where it lands. */
export { readDockerfile } from './instructions.js'
export { neededStages, DockerfileError } from './plan.js'
export type { ReadPlan, PlannedStage, PlannedStep, ReadOptions, StageInfo, Vertex } from './plan.js'
export {
  selectSources,
  hashSteps,
  destinationFor,
  resolveLinks,
  sourceSpec,
  under
} from './select.js'
