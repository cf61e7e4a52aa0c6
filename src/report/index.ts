/**
 * Reporting a judgement: pure renderers (text, summary, annotations, status payload) and thin
 * adapters that hand their output to @actions/core or the GitHub API.
 */
export { renderText, listWithMore, type TextOptions } from './text.js'
export {
  summaryMarkdown,
  writeJobSummary,
  type SummaryMeta,
  type SummaryWriter
} from './summary.js'
export {
  annotationsFor,
  emitAnnotations,
  repoRelative,
  type Annotation,
  type AnnotationLevel,
  type AnnotationOptions,
  type AnnotationSink
} from './annotations.js'
export {
  postCommitStatus,
  statusPayload,
  statusState,
  statusDescription,
  clipDescription,
  runUrl,
  headSha,
  StatusError,
  type StatusInput,
  type StatusOutcome,
  type StatusPayload,
  type StatusState,
  type StatusClient,
  type PostStatusOptions,
  type ShaContext
} from './status.js'
export {
  redactor,
  visible,
  escapeHtml,
  humanBytes,
  shortHash,
  truncate,
  type Redact
} from './text-safety.js'
export { verdictExplanation, pruneLine } from './facts.js'
