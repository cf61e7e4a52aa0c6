/** Pure decisions over plain data: compare with the record, match log steps, plan proofs, judge. */
export { compareWithRecord, stepKey, type Comparison } from './compare.js'
export { compareInstructions, type InstructionMismatch } from './instructions.js'
export {
  judge,
  planProofs,
  type FileProof,
  type ProofOutcome,
  type ProofRequest,
  type ProofScope
} from './judge.js'
export { matchLogSteps } from './match.js'
export { unmatchedMessage, unmatchedSources } from './sources.js'
export { preBuildWarnings } from './warnings.js'
