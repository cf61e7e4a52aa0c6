/** The record of the last build judged good: state file on the builder host, labels on the image. */
export { deployFacts, imageChain } from './deploy.js'
export {
  changedPaths,
  diffRecords,
  fileSignatures,
  newRecord,
  type FileDiff,
  type NewRecordInput
} from './diff.js'
export { recordFromLabels, recordLabels, type LabelStep, type LabelledBuild } from './labels.js'
export { LockError, pidAlive, withRecordLock, type LockOptions } from './lock.js'
export {
  defaultStatePath,
  recordPathOf,
  stateDir,
  stateInsideContext,
  type StatePathOptions
} from './path.js'
export {
  RecordError,
  nodeRecordFs,
  parseRecord,
  readRecord,
  snapshotRecord,
  writeRecord,
  type RecordFs,
  type RecordSnapshot
} from './store.js'
export { RecordShapeError, validateRecord } from './validate.js'
