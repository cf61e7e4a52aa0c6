/**
 * The plain data that flows through the pipeline:
 *   context (scan + hash) -> dockerfile (steps + their sources) -> record (last deploy)
 *   -> docker (prune, build) -> logs (what was cached) -> verdict -> report.
 * The types here are plain data with no effects. What reads or writes the outside world
 * (files, processes, the GitHub API) takes these shapes in and out: the context walk, digests
 * and stat cache (src/context), the compose and log file readers, the docker adapter
 * (src/docker), the record store (src/record), the reporters (src/report), the registry client
 * (src/registry), the GitHub Actions cache API (src/github), real paths and checked removal in
 * src/util, the pipeline (which reads the Dockerfile, runs the stages and the clear) and the two
 * adapters (src/cli, src/action). src/verdict is pure; src/verify reaches docker only through src/docker.
 */

/** Entry kinds as Docker sends them in a build context. */
export type EntryType = 'file' | 'dir' | 'symlink'

/** One entry of the build context, after .dockerignore. */
export interface ContextEntry {
  /** Relative to the context root, `/`-separated, never `.` or a leading `./`. */
  path: string
  type: EntryType
  /** Permission bits only (`mode & 0o7777`), as BuildKit's checksum covers them. */
  mode: number
  /** Bytes for files, 0 otherwise. */
  size: number
  /** Symlink target as stored (never followed). */
  linkTarget?: string
  /**
   * `sha256:<hex>` of the content for files, of the target string for symlinks;
   * undefined for directories (their names and modes enter the hashes directly).
   */
  digest?: string
}

/** The result of reading a context as Docker would send it. */
export interface ContextScan {
  /** Absolute path of the context root. */
  root: string
  /** Which ignore file applied (absolute path), or null when none. */
  ignoreFile: string | null
  /** The patterns in effect, in file order. */
  ignorePatterns: string[]
  /** Every included entry, sorted by path (byte order). */
  entries: ContextEntry[]
}

export type InstructionKeyword = 'COPY' | 'ADD' | 'RUN'

/** A Dockerfile instruction that may read the build context. */
export interface ContextStep {
  /** `AS` name, or `stage-N` (N from 0) for an unnamed stage. */
  stage: string
  /** Position of the stage in the Dockerfile, from 0. */
  stageIndex: number
  /** Instruction position within the stage, FROM being 1 (BuildKit's `[stage i/total]`). */
  index: number
  /** Instructions in the stage including FROM (BuildKit's total). */
  total: number
  /**
   * 1-based position among ALL the Dockerfile's instructions, global ARGs before the first FROM
   * included: the legacy builder's `Step N/M` numbering (verified on 20.10 and a 28.x client).
   * BuildKit's `index` counts only instructions that make a vertex (ENV, ARG, LABEL... do not).
   */
  ordinal: number
  keyword: InstructionKeyword
  /** The instruction as written (continuations joined, flags kept). */
  instruction: string
  /** 1-based first and last Dockerfile line of the instruction. */
  line: number
  endLine: number
  /** Source patterns after ARG/--build-arg substitution, relative to the context. */
  sources: string[]
  /** Destination as written after substitution (COPY/ADD), null for RUN mounts. */
  dest: string | null
  /** WORKDIR in effect (after substitution) when the step runs; `/` by default. */
  workdir: string
  /** `--exclude` patterns (COPY/ADD). */
  excludes: string[]
  /** `--parents` (keeps the source path under dest). */
  parents: boolean
  /** Other flags as given, e.g. { chown: '1000', chmod: '755', link: 'true' }. */
  flags: Record<string, string>
  /**
   * The named build context the step reads (`COPY --from=NAME`, `RUN --mount=from=NAME` with
   * `--build-context NAME=DIR`); absent for the main context. Its paths are that context's.
   */
  context?: string
  /** An ONBUILD trigger inherited from this local base image (`line` is then the FROM's line). */
  trigger?: string
}

/** A context step with the entries it selects and their hash. */
export interface HashedStep extends ContextStep {
  /** `sha256:<hex>` over the selected entries (see context/hash.ts). */
  sourceHash: string
  /** Paths of the selected entries that are files or symlinks (dirs omitted), sorted. */
  selected: string[]
}

/** What the Dockerfile reader returns. */
export interface DockerfilePlan {
  /** Absolute path of the Dockerfile. */
  file: string
  stages: { name: string; index: number; base: string; line: number; total: number }[]
  /** COPY/ADD from the context and RUN --mount=type=bind from the context. */
  steps: ContextStep[]
  /** ARG names declared anywhere (global or in a stage). */
  declaredArgs: string[]
  /** ARG names declared inside a stage: only those reach the stage's RUN and COPY. */
  stageArgs?: string[]
  /** Things the reader could not hash or that deserve a note (ADD <url>, ADD <git>, ...). */
  warnings: { line: number; message: string }[]
}

/** Log formats the parser recognises. */
export type LogFormat = 'buildkit-plain' | 'buildkit-tty' | 'rawjson' | 'legacy' | 'unknown'

/** One Dockerfile instruction step as a build log showed it. */
export interface LogStep {
  /** docker compose service prefix, when present. */
  service: string | null
  /** Stage name as printed (null for a single unnamed stage and for the legacy builder). */
  stage: string | null
  index: number
  total: number
  instruction: string
  cached: boolean
  /** The step failed (ERROR / error in rawjson). */
  error?: boolean
}

export interface ParsedLog {
  format: LogFormat
  steps: LogStep[]
  /** Cache sources the build imported (`importing cache manifest from X`). */
  cacheImports: string[]
  /** `#0 building with "x" instance using y driver`, when shown. */
  builder: string | null
  /** Image id written at the end, when shown. */
  imageId: string | null
}

/** The record of the last build judged good, kept on the builder host and as image labels. */
export interface BuildRecord {
  /** 2 adds `inputs`; a version-1 record still reads (its hash then differs: one prune). */
  version: 1 | 2
  contextHash: string
  /** path -> `type mode digest` signature, for the changed-files list. */
  files: Record<string, string>
  steps: { stage: string; index: number; instruction: string; line: number; sourceHash: string }[]
  commit: string | null
  buildId: string | null
  imageId: string | null
  tags: string[]
  /** ISO time of the build. */
  builtAt: string
  dockerfile: string
  /** The Dockerfile and the ignore file that applied, which BuildKit reads too (version 2). */
  inputs?: BuildInputs
  /** Where the build put the context's files in the image, for `verify`; absent in older records. */
  deploy?: DeployFacts
}

/** One context COPY/ADD of the final image's stages, as `verify` reads it back. */
export interface RecordedCopy {
  stage: string
  index: number
  line: number
  instruction: string
  /** Absolute destination as the step resolved it (WORKDIR applied). */
  dest: string
  /** Absolute path in the image -> context path, for each file or symlink the step wrote. */
  files: Record<string, string>
}

export interface DeployFacts {
  /** The stage the image is (the target, or the last stage). */
  stage: string
  copies: RecordedCopy[]
  /** Context paths this build changed since the previous record; null when there was none. */
  changed: string[] | null
}

/** Inputs of a build besides the context entries: they reach BuildKit through their own source. */
export interface BuildInputs {
  /** `sha256:` of the Dockerfile's bytes. */
  dockerfile: string
  /** The ignore file that applied (absolute path) and its digest; null when none. */
  ignoreFile: string | null
  ignore: string | null
}

export type Verdict = 'baseline' | 'unchanged' | 'fresh' | 'stale'
export type StepStatus = 'ran' | 'cached' | 'verified' | 'stale'
export type PrunePolicy = 'source' | 'all' | 'never'
export type VerifyPolicy = 'changed' | 'none'

/**
 * What a `clear` pruned when not everything: `unused` (`builder prune -f`: records no build or
 * image uses, of every type) or `filter` (the records the given filters select).
 */
export type ClearPrunePolicy = 'unused' | 'filter'

export interface PruneResult {
  policy: PrunePolicy | ClearPrunePolicy
  done: boolean
  reclaimedBytes: number
  /** Why it was skipped or failed, when it was. */
  note?: string
}

export interface StepResult {
  stage: string
  index: number
  instruction: string
  line: number
  changed: boolean
  cached: boolean
  status: StepStatus
  /** Changed files this step selects. */
  changedFiles: string[]
  /** Files whose bytes in the step's layer differ from the context (or are missing). */
  staleFiles: string[]
  /**
   * Changed files the guard could not prove (no readable layer, a bind mount, an unknown
   * destination): the step is stale for them although their bytes were not seen to be old.
   */
  unprovenFiles?: string[]
  /** Why they could not be proven. */
  unproven?: string
}

/** The JSON document of `build --json` and `check --json` (docs/contract.md). */
export interface Judgement {
  verdict: Verdict
  contextHash: string
  previousHash: string | null
  changedFiles: string[]
  pruned: PruneResult | null
  steps: StepResult[]
  causes: string[]
  warnings: string[]
  imageId: string | null
}

/** Labels every guarded image carries, so a deployed image tells what it was built from. */
export const LABELS = {
  revision: 'org.opencontainers.image.revision',
  created: 'org.opencontainers.image.created',
  contextHash: 'dev.fresh-build.context-hash',
  buildId: 'dev.fresh-build.build-id',
  /** Compact JSON: [[stage, index, sourceHash], ...] for the context steps. */
  steps: 'dev.fresh-build.steps'
} as const
