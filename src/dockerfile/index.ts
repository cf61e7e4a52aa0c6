/** The Dockerfile stage of the pipeline: which steps read the context, what they read, where it lands. */
export { readDockerfile } from './instructions.js'
export {
  DockerfileError,
  neededStages,
  type PlannedStage,
  type PlannedStep,
  type ReadOptions,
  type ReadPlan,
  type StageInfo,
  type Vertex
} from './plan.js'
export {
  destinationFor,
  destinations,
  hashSteps,
  resolveLinks,
  selectSources,
  sourceSpec,
  under
} from './select.js'
