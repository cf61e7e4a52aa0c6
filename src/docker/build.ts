/**
 * `docker build` for each builder kind: a pure argv builder, and a thin runner that streams
 * the log live while keeping all of it in a file (logs can be far larger than memory allows).
 */
import { randomBytes } from 'node:crypto'
import { constants, mkdtempSync, rmSync, type WriteStream } from 'node:fs'
import { open, readFile, rename, unlink } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { basename, dirname, isAbsolute, join, resolve } from 'node:path'
import type { BuilderKind } from './builder.js'
import { lastErrorLine, type DockerExec, type StreamName } from './exec.js'

export interface BuildOptions {
  context: string
  /** Dockerfile path; omitted means docker's default (`<context>/Dockerfile`). */
  file?: string
  tags: string[]
  buildArgs: Record<string, string>
  cacheFrom: string[]
  target?: string
  labels: Record<string, string>
  iidFile?: string
  /** BuildKit progress mode; `plain` unless told (the log parser wants plain). Ignored by legacy. */
  progress?: 'plain' | 'tty' | 'auto' | 'rawjson' | 'quiet'
  noCache?: boolean
  /** The docker build flags a user passes through (see BuildFlags); checked by builderSupport. */
  flags?: PassThrough
}

/**
 * Flags passed to the builder as the user gave them. Secrets are files here (`src`): values are
 * written to 0600 temp files first, so no secret value is ever in an argv.
 */
export interface PassThrough {
  secrets?: { id: string; src: string }[]
  ssh?: string[]
  pull?: boolean
  noCacheFilters?: string[]
  network?: string
  addHosts?: string[]
  shmSize?: string
  ulimits?: string[]
  builder?: string
  platforms?: string[]
  /** Named contexts, name -> absolute directory (buildx `--build-context`). */
  buildContexts?: Record<string, string>
  /** buildx: where buildx writes its build metadata (the `metadata` output). */
  metadataFile?: string
}

export interface BuildCommand {
  argv: string[]
  /** Environment the build needs on top of the caller's. */
  env: Record<string, string>
}

/** Pure: the exact argv (without the docker binary) and env for a build. */
export function buildCommand(kind: BuilderKind, opts: BuildOptions): BuildCommand {
  const f = opts.flags ?? {}
  const argv: string[] = kind === 'buildx' ? ['buildx', 'build'] : ['build']
  // The builder goes first: `--builder` selects the instance every later flag is read against.
  if (kind === 'buildx' && f.builder) argv.push('--builder', f.builder)
  if (kind === 'buildx') argv.push('--load')
  if (kind !== 'legacy') argv.push(`--progress=${opts.progress ?? 'plain'}`)
  if (opts.file !== undefined) argv.push('--file', opts.file)
  for (const t of opts.tags) argv.push('--tag', t)
  for (const [k, v] of Object.entries(opts.buildArgs)) argv.push('--build-arg', `${k}=${v}`)
  for (const [k, v] of Object.entries(opts.labels)) argv.push('--label', `${k}=${v}`)
  for (const c of opts.cacheFrom) argv.push('--cache-from', c)
  if (opts.target !== undefined) argv.push('--target', opts.target)
  if (opts.noCache) argv.push('--no-cache')
  for (const n of f.noCacheFilters ?? []) argv.push('--no-cache-filter', n)
  if (f.pull) argv.push('--pull')
  for (const s of f.secrets ?? []) argv.push('--secret', `id=${s.id},src=${s.src}`)
  for (const s of f.ssh ?? []) argv.push('--ssh', s)
  if (f.network) argv.push('--network', f.network)
  for (const h of f.addHosts ?? []) argv.push('--add-host', h)
  if (f.shmSize) argv.push('--shm-size', f.shmSize)
  for (const u of f.ulimits ?? []) argv.push('--ulimit', u)
  if (f.platforms && f.platforms.length > 0) argv.push('--platform', f.platforms.join(','))
  for (const [name, dir] of Object.entries(f.buildContexts ?? {})) {
    argv.push('--build-context', `${name}=${dir}`)
  }
  if (kind === 'buildx' && f.metadataFile) argv.push('--metadata-file', f.metadataFile)
  if (opts.iidFile !== undefined) argv.push('--iidfile', opts.iidFile)
  argv.push(opts.context)
  // Pin the builder explicitly: an inherited DOCKER_BUILDKIT must not switch it under us.
  const env: Record<string, string> =
    kind === 'buildkit'
      ? { DOCKER_BUILDKIT: '1' }
      : kind === 'legacy'
        ? { DOCKER_BUILDKIT: '0' }
        : {}
  return { argv, env }
}

/** The image id a build log names at its end (BuildKit `writing image`, legacy `Successfully built`). */
export function imageIdFromLog(text: string): string | null {
  const bk = [...text.matchAll(/writing image (sha256:[0-9a-f]{64})/g)].pop()
  if (bk) return bk[1]
  const legacy = [...text.matchAll(/^Successfully built ([0-9a-f]{12,64})\s*$/gm)].pop()
  return legacy ? legacy[1] : null
}

export interface BuildRun {
  code: number
  /** Where the full log was kept (both streams, in arrival order), or null when not kept. */
  logPath: string | null
  /** Why the log could not be kept (a full disk, say); the build itself went on. */
  logError: string | null
  /** `sha256:...` from the iidfile; a short id from the log as a fallback; null when failed. */
  imageId: string | null
  /** The last error line when the build failed. */
  error: string | null
  /** buildx's `--metadata-file` document, when buildx wrote one. */
  metadata: Record<string, unknown> | null
}

/** The kept log's first line: `clear` deletes a `<state>.build.log` only when it starts so. */
export const BUILD_LOG_MAGIC = '# fresh-build build log v1'

/** Where the last build's log is kept: beside its record. */
export function buildLogPathFor(recordPath: string): string {
  return `${recordPath}.build.log`
}

/**
 * The kept log is written to a new temp file beside it (O_EXCL | O_NOFOLLOW, 0600: a symlink
 * planted at either name is never followed) and renamed over the old log at the end, which
 * replaces whatever entry is there rather than writing through it.
 */
class KeptLog {
  error: string | null = null
  private constructor(
    private readonly path: string,
    private readonly tmp: string,
    private readonly out: WriteStream
  ) {
    // A failing log file (ENOSPC, EACCES) must not crash the process or stop the build.
    out.on('error', e => {
      this.error ??= e.message
    })
  }

  static async create(path: string): Promise<KeptLog | string> {
    const tmp = join(
      dirname(path),
      `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`
    )
    const flags = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW
    try {
      const fh = await open(tmp, flags, 0o600)
      const log = new KeptLog(path, tmp, fh.createWriteStream())
      log.write(BUILD_LOG_MAGIC)
      return log
    } catch (e) {
      return e instanceof Error ? e.message : String(e)
    }
  }

  write(line: string): void {
    if (this.error === null) this.out.write(`${line}\n`)
  }

  /** Closes and moves the log into place; the temp file never stays behind. */
  async finish(): Promise<void> {
    await new Promise<void>(done => this.out.end(() => done()))
    if (this.error === null) {
      try {
        await rename(this.tmp, this.path)
        return
      } catch (e) {
        this.error = e instanceof Error ? e.message : String(e)
      }
    }
    await unlink(this.tmp).catch(() => undefined)
  }
}

/**
 * Keeps a log already held in memory (an early build's, see pipeline/speculate.ts) exactly as
 * runBuild keeps a live one: redacted, 0600, renamed into place. Returns why it could not be kept.
 */
export async function keepBuildLog(
  path: string,
  lines: readonly string[],
  redact: (line: string) => string
): Promise<string | null> {
  const log = await KeptLog.create(path)
  if (typeof log === 'string') return log
  for (const line of lines) log.write(redact(line))
  await log.finish()
  return log.error
}

export interface RunBuildOptions {
  /** Every line, live: for progress and for a streaming log parser. */
  onLine?: (line: string, stream: StreamName) => void
  signal?: AbortSignal
  /**
   * Keep the whole log in this file (mode 0600: RUN output may hold secrets). Without it nothing
   * is written to disk; callers read the log through `onLine`.
   */
  logPath?: string
  /** Applied to every line before it is kept or handed on: RUN output may print a secret. */
  redact?: (line: string) => string
  /** Called with the exact argv (without the binary) just before the build starts. */
  onCommand?: (argv: readonly string[], env: Readonly<Record<string, string>>) => void
  /** Kill the build after this long (ms) and report it as timed out; none by default. */
  timeoutMs?: number
}

/**
 * Runs the build, streaming lines to `onLine` (and to `logPath` when given). The temp directory
 * for the image id file is always removed: builds must leave nothing behind.
 */
export async function runBuild(
  exec: DockerExec,
  kind: BuilderKind,
  opts: BuildOptions,
  run: RunBuildOptions = {}
): Promise<BuildRun> {
  const dir = mkdtempSync(join(tmpdir(), 'fb-build-'))
  try {
    const iidFile = opts.iidFile ?? join(dir, 'iid')
    // BuildKit keys the context-sync record (source.local) on the context argument as typed: every
    // `docker build .` on a host shares one record, whatever the directory (measured on 20.10), so
    // a same-size, same-mtime file of another project can be served. An absolute path isolates it.
    const context =
      isAbsolute(opts.context) || /^[a-z]+:\/\/|^-$/.test(opts.context)
        ? opts.context
        : resolve(opts.context)
    const metadataFile = kind === 'buildx' ? join(dir, 'metadata.json') : undefined
    const flags = metadataFile ? { ...opts.flags, metadataFile } : opts.flags
    const cmd = buildCommand(kind, { ...opts, context, iidFile, ...(flags ? { flags } : {}) })
    run.onCommand?.(cmd.argv, cmd.env)
    const kept = run.logPath ? await KeptLog.create(run.logPath) : null
    const log = kept instanceof KeptLog ? kept : null
    const redact = run.redact ?? ((line: string): string => line)
    let result
    try {
      result = await exec(cmd.argv, {
        env: cmd.env,
        signal: run.signal,
        // A RUN step may print nothing for an hour: only the build's own bound applies.
        idleTimeoutMs: Infinity,
        ...(run.timeoutMs !== undefined ? { timeoutMs: run.timeoutMs } : {}),
        // Only the tail is held in memory, for the error line and the image id fallback.
        maxCapture: 256 * 1024,
        onLine: (line, stream) => {
          // The kept log is redacted here; the caller gets the raw line (it parses it, and
          // redacts what it prints).
          log?.write(redact(line))
          run.onLine?.(line, stream)
        }
      })
    } finally {
      await log?.finish()
    }
    const logError = typeof kept === 'string' ? kept : (log?.error ?? null)
    let imageId: string | null = null
    if (result.code === 0) {
      imageId = (await readFile(iidFile, 'utf8').catch(() => '')).trim() || null
      imageId ??= imageIdFromLog(result.stdout + '\n' + result.stderr)
    }
    const metadata = metadataFile ? await readMetadata(metadataFile) : null
    return {
      code: result.code,
      logPath: run.logPath && logError === null ? run.logPath : null,
      logError,
      imageId,
      error: result.code === 0 ? null : redact(lastErrorLine(result)),
      metadata
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** buildx's metadata file as an object; null when missing or not a JSON object. */
async function readMetadata(path: string): Promise<Record<string, unknown> | null> {
  try {
    const doc: unknown = JSON.parse(await readFile(path, 'utf8'))
    return typeof doc === 'object' && doc !== null && !Array.isArray(doc)
      ? (doc as Record<string, unknown>)
      : null
  } catch {
    return null
  }
}
