/** The record of the last build judged good: state file on the builder host, labels on the image. */
export {
  RecordError,
  readRecord,
  writeRecord,
  parseRecord,
  nodeRecordFs,
  type RecordFs
} from './store.js'
export { RecordShapeError, validateRecord } from './validate.js'
export { LockError, withRecordLock, pidAlive, type LockOptions } from './lock.js'
export { defaultStatePath, stateDir, stateInsideContext, type StatePathOptions } from './path.js'
export { recordLabels, recordFromLabels, type LabelledBuild, type LabelStep } from './labels.js'
export {
  diffRecords,
  changedPaths,
  fileSignatures,
  newRecord,
  type FileDiff,
  type NewRecordInput
} from './diff.js'
export { deployFacts, imageChain } from './deploy.js'
