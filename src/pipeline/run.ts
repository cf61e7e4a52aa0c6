/**
 * The value the guard's stages pass along (see guard.ts for the order). Each stage takes the run
 * as the previous stage left it and returns it with what it adds, so the type of a run says
 * which stages it has been through.
 */
import type {
  BuildRecord,
  ContextEntry,
  HashedStep,
  Judgement,
  ParsedLog,
  PruneResult
} from '../model.js'
import type { BuilderKind, DockerExec, DockerHostInfo } from '../docker/index.js'
import type { Redact } from '../report/index.js'
import type { Comparison, InstructionMismatch, ProofOutcome, ProofScope } from '../verdict/index.js'
import type { LogStep } from '../model.js'
import type { Hashed } from './hash.js'
import type { GuardOptions } from './options.js'
import type { StageImage } from './proof.js'
import type { SourceListing } from './cure.js'
import type { PushPlan, PushResult } from './push.js'
import type { RecordSnapshot } from '../record/index.js'
import type { Speculation } from './speculate.js'

export type GuardCommand = 'build' | 'check'

export interface GuardIo {
  /** A line of progress for a person (stderr in the CLI, the log in the action). */
  progress: (line: string) => void
  env: NodeJS.ProcessEnv
  cwd: string
  /** The docker exec to use; defaults to the configured client. */
  exec?: DockerExec
  /** Called as each phase starts (a phase a run skips is not announced). */
  phase?: (name: Phase) => void
}

/** The phases of a guarded build, in order; the action logs each in its own group. */
export type Phase = 'read context' | 'compare' | 'prune' | 'build' | 'prove' | 'record'

export interface GuardResult {
  /** The compose service, or null for a single build. */
  service: string | null
  judgement: Judgement
  /** The Dockerfile judged, for annotations. */
  dockerfile: string
  /** Where the record lives. */
  statePath: string
  /** Last Dockerfile line by first line, for steps spanning continuation lines. */
  endLines: Map<number, number>
  /** Where the previous record came from: this host's file, the registry, or none. */
  previousSource: 'local' | 'registry' | null
  /** What `--push` pushed; null without it or after `stale`. */
  push: PushResult | null
  /** buildx's build metadata (`--metadata-file`), when buildx built. */
  buildxMetadata: Record<string, unknown> | null
}

/** The build identity injected as build args and recorded. */
export interface Identity {
  commit: string | null
  buildId: string
}

/** prepare: the request and what follows from it before anything is read. */
export interface PreparedRun {
  command: GuardCommand
  opts: GuardOptions
  service: string | null
  io: GuardIo
  /** Progress with the secret values masked. */
  say: (line: string) => void
  redact: Redact
  identity: Identity
  /** The user's build args, plus the identity in build mode. */
  buildArgs: Record<string, string>
  statePath: string
  recordInContext: boolean
  /** The stat cache file, or null when none is used. */
  statCache: string | null
  /** The docker exec, made on first use (hash-only failures never need one). */
  docker: () => DockerExec
  /** Every warning of the run, in the order the stages found them. */
  warnings: string[]
  /** With `--push`: the registries, checked before the build (stages/registry.ts). */
  pushPlan: PushPlan | null
}

/**
 * The context in the one form every stage reads: the scan's entries. The record's signature map
 * and the lookup by path are derived from them once, here.
 */
export interface ContextFiles {
  entries: readonly ContextEntry[]
  byPath: ReadonlyMap<string, ContextEntry>
  /** path -> signature, as the record keeps it (see fileSignatures). */
  signatures: Record<string, string>
}

/** hash: the context and Dockerfile as Docker reads them. */
export interface HashedRun extends PreparedRun {
  hashed: Hashed
  files: ContextFiles
  /** Context steps of the stages this build runs. */
  steps: HashedStep[]
  /** The stage the build produces (the target, or the last stage). */
  finalStage: string
  /** The daemon's builder, asked while the context was walked (build mode); null otherwise. */
  hostInfo: Promise<DockerHostInfo> | null
  /** The daemon's `source.local` records, listed while the context was walked (see cure.ts). */
  sourcesBefore: Promise<SourceListing> | null
  /** When the hash began (ms): a context file changed after it was written during this run. */
  startedAt: number
  /** The record as read beside the walk (build mode); compare reuses it when its bytes are the same. */
  recordSnapshot: Promise<RecordSnapshot | null> | null
  /** The early build started beside the walk, if one was (speculate.ts). */
  speculation: Promise<Speculation | null> | null
}

/** compare: the last good build, and what changed since. */
export interface ComparedRun extends HashedRun {
  previous: BuildRecord | null
  /** `registry`: this host had no record; the one beside the first tag's image is used. */
  previousSource: 'local' | 'registry' | null
  comparison: Comparison
  /** Literal sources on disk that the ignore file excludes (a failed build names them). */
  excluded: { step: HashedStep; source: string }[]
}

/**
 * Where the judged build comes from: a build the guard runs, or a log another tool produced.
 * Either way the later stages see a parsed log, the image, and a way to get each stage's image.
 */
export interface Source {
  builder: BuilderKind | 'unknown'
  pruned: PruneResult | null
  log: ParsedLog
  imageId: string | null
  /** The final stage's image, null when unknown. */
  final: StageImage | null
  /** An image whose last stage is `stage` (for proofs of earlier stages). */
  stageImage: (stage: string) => Promise<StageImage>
  /** The whole context went to the builder in this run: its steps that ran copied those bytes. */
  contextResent: boolean
  /** Removes what the source made for the proofs only; best effort. */
  cleanup: () => Promise<void>
  /** After the record is written: keeps the builder state the re-send cure needs (cure.ts). */
  keepState?: ((record: BuildRecord) => Promise<void>) | null
  /** buildx's build metadata, when buildx built. */
  buildxMetadata?: Record<string, unknown> | null
  /** Absolute paths the cure gave a new mtime (so they look written during the run; they were not). */
  resent?: ReadonlySet<string>
}

export interface SourcedRun extends ComparedRun {
  source: Source
}

/** prove: the log's steps matched to the Dockerfile's, and the byte proofs of changed steps. */
export interface ProvenRun extends SourcedRun {
  logSteps: ReadonlyMap<string, LogStep>
  proofs: ReadonlyMap<string, ProofOutcome>
  /** What this run can vouch for, and what it proves beyond the changed files. */
  scope: ProofScope
  /** Log steps whose instruction is not the Dockerfile's: an old Dockerfile was built. */
  mismatches: InstructionMismatch[]
}

/** judge: the verdict. */
export interface JudgedRun extends ProvenRun {
  judgement: Judgement
}

/** record: the record advanced (not after stale), pushed first with `--push`. */
export interface RecordedRun extends JudgedRun {
  push: PushResult | null
}
