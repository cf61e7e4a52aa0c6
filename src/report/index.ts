/**
 * Reporting a judgement: pure renderers (text, summary, annotations, status payload) and thin
 * adapters that hand their output to @actions/core or the GitHub API.
 */
export {
  annotationsFor,
  emitAnnotations,
  repoRelative,
  unplacedWarnings,
  type Annotation,
  type AnnotationLevel,
  type AnnotationOptions,
  type AnnotationSink
} from './annotations.js'
export { pruneLine, verdictExplanation } from './facts.js'
export {
  StatusError,
  clipDescription,
  headSha,
  postCommitStatus,
  runUrl,
  statusDescription,
  statusPayload,
  statusState,
  type PostStatusOptions,
  type ShaContext,
  type StatusClient,
  type StatusInput,
  type StatusOutcome,
  type StatusPayload,
  type StatusState
} from './status.js'
export {
  summaryMarkdown,
  writeJobSummary,
  type SummaryMeta,
  type SummaryWriter
} from './summary.js'
export {
  escapeHtml,
  humanBytes,
  redactJudgement,
  redactValues,
  redactor,
  shortHash,
  truncate,
  visible,
  type Redact
} from './text-safety.js'
export { listWithMore, renderText, type TextOptions } from './text.js'
