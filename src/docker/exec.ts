/**
 * The one process wrapper every docker call goes through: argv arrays only (never a shell),
 * explicit exit codes (a non-zero exit is data, not an exception), bounded capture, live lines.
 */
import { spawn } from 'node:child_process'
import { basename } from 'node:path'
import { StringDecoder } from 'node:string_decoder'
import { FreshBuildError } from '../util/index.js'

/** One-line error for anything docker-related the caller should report as is. */
export class DockerError extends FreshBuildError {
  readonly code: number | null
  constructor(message: string, code: number | null = null) {
    // Keep it one line: daemon messages sometimes carry newlines.
    super(message.replace(/\s*\r?\n\s*/g, ' ').trim())
    this.code = code
  }
}

export type StreamName = 'stdout' | 'stderr'

export interface ExecOptions {
  /** Added to (and overriding) `baseEnv`. `undefined` removes a variable. */
  env?: Record<string, string | undefined>
  /** The environment to start from; `process.env` by default. */
  baseEnv?: NodeJS.ProcessEnv
  cwd?: string
  /** Aborting kills the process (SIGTERM); the result then has `aborted: true`. */
  signal?: AbortSignal
  /** Every complete line of either stream, as it arrives (trailing `\r` removed). */
  onLine?: (line: string, stream: StreamName) => void
  /**
   * Takes stdout raw instead of capturing it; awaited per chunk, so a slow consumer applies
   * backpressure to the process (used to stream `docker save`).
   */
  onStdout?: (chunk: Buffer) => void | Promise<void>
  /** Bytes kept per stream (the tail); default 16 MiB. */
  maxCapture?: number
  input?: string
  /** Kill the process after this long (ms) in all and reject with a DockerError saying so. */
  timeoutMs?: number
  /**
   * Kill it when neither stream has produced a byte for this long (ms): it stopped answering.
   * Infinity: no such bound (a build, whose steps may be silent for long).
   */
  idleTimeoutMs?: number
  /** What to call the command in a timeout error (default: the binary and its first words). */
  label?: string
}

export interface ExecResult {
  /** Exit code; 128 + signal number when killed by a signal. */
  code: number
  stdout: string
  stderr: string
  /** A stream produced more than `maxCapture` bytes and only its tail was kept. */
  truncated: boolean
  aborted: boolean
}

/** Where the docker client is and the environment it runs with. */
export interface DockerClient {
  bin: string
  env: NodeJS.ProcessEnv
}

/** Runs the docker client with the given argv (without the binary itself). */
export type DockerExec = (args: string[], opts?: ExecOptions) => Promise<ExecResult>

const DEFAULT_CAPTURE = 16 * 1024 * 1024
const SIGNALS: Record<string, number> = {
  SIGHUP: 1,
  SIGINT: 2,
  SIGKILL: 9,
  SIGPIPE: 13,
  SIGTERM: 15
}

/** Keeps the last `limit` bytes of a stream. */
class TailBuffer {
  private chunks: Buffer[] = []
  private size = 0
  truncated = false
  constructor(private readonly limit: number) {}
  push(chunk: Buffer): void {
    this.chunks.push(chunk)
    this.size += chunk.length
    while (this.size > this.limit && this.chunks.length > 0) {
      const first = this.chunks[0]
      const excess = this.size - this.limit
      if (first.length <= excess) {
        this.chunks.shift()
        this.size -= first.length
      } else {
        this.chunks[0] = first.subarray(excess)
        this.size -= excess
      }
      this.truncated = true
    }
  }
  text(): string {
    return Buffer.concat(this.chunks).toString('utf8')
  }
}

/** Splits a byte stream into lines without breaking multi-byte characters. */
class LineSplitter {
  private decoder = new StringDecoder('utf8')
  private rest = ''
  constructor(private readonly emit: (line: string) => void) {}
  push(chunk: Buffer): void {
    const parts = (this.rest + this.decoder.write(chunk)).split('\n')
    this.rest = parts.pop() ?? ''
    for (const p of parts) this.emit(p.endsWith('\r') ? p.slice(0, -1) : p)
  }
  end(): void {
    const last = this.rest + this.decoder.end()
    this.rest = ''
    if (last !== '') this.emit(last.endsWith('\r') ? last.slice(0, -1) : last)
  }
}

/**
 * Spawns `cmd args...` without a shell. Resolves for every exit code; rejects only when the
 * process cannot start (a missing binary is reported as a DockerError naming it) or when
 * `onStdout` throws.
 */
export function run(cmd: string, args: string[], opts: ExecOptions = {}): Promise<ExecResult> {
  const limit = opts.maxCapture ?? DEFAULT_CAPTURE
  const env: NodeJS.ProcessEnv = Object.fromEntries(
    Object.entries({ ...(opts.baseEnv ?? process.env), ...opts.env }).filter(
      ([, v]) => v !== undefined
    )
  )
  return new Promise<ExecResult>((resolve, reject) => {
    const child = spawn(cmd, args, {
      shell: false,
      cwd: opts.cwd,
      env,
      stdio: [opts.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe']
    })
    const { stdout, stderr } = child
    if (!stdout || !stderr) throw new DockerError(`cannot run "${cmd}": no output pipes`)
    const out = new TailBuffer(limit)
    const err = new TailBuffer(limit)
    const outLines = new LineSplitter(l => opts.onLine?.(l, 'stdout'))
    const errLines = new LineSplitter(l => opts.onLine?.(l, 'stderr'))
    let aborted = false
    let sinkError: unknown = null
    let settled = false

    const onAbort = (): void => {
      aborted = true
      child.kill('SIGTERM')
    }
    // A daemon that accepts and never answers must not hold the run (and its lock) forever:
    // TERM, then KILL if the client ignores it, and the promise rejects with what hung.
    let timedOut: string | null = null
    let killTimer: NodeJS.Timeout | undefined
    const expire = (why: string): void => {
      if (timedOut !== null) return
      timedOut = why
      child.kill('SIGTERM')
      killTimer = setTimeout(() => child.kill('SIGKILL'), 2000)
      killTimer.unref()
    }
    const label = opts.label ?? [basename(cmd), ...args.slice(0, 2)].join(' ')
    const total =
      opts.timeoutMs !== undefined
        ? setTimeout(
            () => expire(`${label} did not finish within ${seconds(opts.timeoutMs ?? 0)}`),
            opts.timeoutMs
          )
        : undefined
    let idle: NodeJS.Timeout | undefined
    const touch = (): void => {
      if (opts.idleTimeoutMs === undefined || !Number.isFinite(opts.idleTimeoutMs)) return
      clearTimeout(idle)
      idle = setTimeout(
        () => expire(`${label} did not answer within ${seconds(opts.idleTimeoutMs ?? 0)}`),
        opts.idleTimeoutMs
      )
    }
    touch()
    const clearTimers = (): void => {
      clearTimeout(total)
      clearTimeout(idle)
      clearTimeout(killTimer)
    }
    if (opts.signal?.aborted) onAbort()
    else opts.signal?.addEventListener('abort', onAbort, { once: true })

    // With a raw consumer, read stdout by async iteration so its awaits throttle the process.
    const stdoutDone: Promise<void> = opts.onStdout
      ? (async () => {
          try {
            for await (const chunk of stdout) {
              touch()
              await opts.onStdout?.(chunk as Buffer)
            }
          } catch (e) {
            sinkError = e
            child.kill('SIGTERM')
            stdout.resume()
          }
        })()
      : new Promise<void>(res => {
          stdout.on('data', (chunk: Buffer) => {
            touch()
            out.push(chunk)
            if (opts.onLine) outLines.push(chunk)
          })
          stdout.on('end', res)
          stdout.on('error', () => res())
        })
    stderr.on('data', (chunk: Buffer) => {
      touch()
      err.push(chunk)
      if (opts.onLine) errLines.push(chunk)
    })

    child.once('error', (e: NodeJS.ErrnoException) => {
      if (settled) return
      settled = true
      clearTimers()
      opts.signal?.removeEventListener('abort', onAbort)
      if (e.code === 'ENOENT') {
        reject(
          new DockerError(
            `cannot run "${cmd}": not found (install the docker CLI or set DOCKER_PATH)`
          )
        )
      } else if (e.code === 'EACCES') {
        reject(new DockerError(`cannot run "${cmd}": permission denied`))
      } else {
        reject(new DockerError(`cannot run "${cmd}": ${e.message}`))
      }
    })
    child.once('close', (code, signal) => {
      void stdoutDone.then(() => {
        if (settled) return
        settled = true
        clearTimers()
        opts.signal?.removeEventListener('abort', onAbort)
        if (timedOut !== null) {
          reject(new DockerError(timedOut))
          return
        }
        if (sinkError !== null) {
          reject(sinkError instanceof Error ? sinkError : new Error(String(sinkError)))
          return
        }
        outLines.end()
        errLines.end()
        resolve({
          code: code ?? 128 + (signal ? (SIGNALS[signal] ?? 0) : 0),
          stdout: out.text(),
          stderr: err.text(),
          truncated: out.truncated || err.truncated,
          aborted
        })
      })
    })
    if (opts.input !== undefined && child.stdin) child.stdin.end(opts.input)
  })
}

/** `1.5s`: a bound as the timeout messages say it. */
export function seconds(ms: number): string {
  return `${Math.round(ms / 100) / 10}s`
}

/** Default bound on a docker call's silence (s); FRESH_BUILD_DOCKER_TIMEOUT overrides it. */
export const DEFAULT_DOCKER_TIMEOUT_S = 300

/**
 * How long a docker call may go without a byte on stdout or stderr before it counts as hung:
 * $FRESH_BUILD_DOCKER_TIMEOUT seconds, else DEFAULT_DOCKER_TIMEOUT_S.
 */
export function dockerTimeoutMs(env: NodeJS.ProcessEnv): number {
  const raw = env.FRESH_BUILD_DOCKER_TIMEOUT
  if (raw === undefined || raw.trim() === '') return DEFAULT_DOCKER_TIMEOUT_S * 1000
  const n = Number(raw)
  if (!Number.isFinite(n) || n <= 0) {
    throw new DockerError(
      `FRESH_BUILD_DOCKER_TIMEOUT: "${raw}" is not a positive number of seconds`
    )
  }
  return n * 1000
}

/**
 * The docker client to use: an explicit path, else `DOCKER_PATH`, else `docker` on PATH.
 * DOCKER_HOST, DOCKER_CONTEXT, DOCKER_CONFIG... pass through in `env` untouched.
 */
export function dockerClient(
  opts: { dockerPath?: string; env?: NodeJS.ProcessEnv } = {}
): DockerClient {
  const env = opts.env ?? process.env
  const bin = opts.dockerPath || env.DOCKER_PATH || 'docker'
  return { bin, env }
}

/**
 * Binds a client: the returned function runs `bin args...` with the client's environment (every
 * call spawns it; daemonExec in engine.ts answers read-only calls over the socket where it can).
 */
export function dockerExec(client: DockerClient): DockerExec {
  const idle = dockerTimeoutMs(client.env)
  // Every call is bounded by silence; a build sets its own bound (its steps may be quiet for
  // long) by passing idleTimeoutMs itself.
  return (args, opts = {}) =>
    run(client.bin, args, {
      idleTimeoutMs: idle,
      label: commandLabel(args),
      ...opts,
      baseEnv: client.env
    })
}

/** The last non-empty stderr line (else stdout's), which is where docker puts the reason. */
export function lastErrorLine(result: Pick<ExecResult, 'stdout' | 'stderr' | 'code'>): string {
  for (const text of [result.stderr, result.stdout]) {
    const lines = text.split(/\r?\n/).map(l => l.trim())
    for (let i = lines.length - 1; i >= 0; i--) if (lines[i] !== '') return lines[i]
  }
  return `exit code ${result.code}`
}

/** `docker <subcommand>` as a short label for messages: the leading non-flag words. */
export function commandLabel(args: string[]): string {
  const words: string[] = []
  for (const a of args) {
    if (a.startsWith('-') || words.length === 2) break
    words.push(a)
  }
  return ['docker', ...words].join(' ')
}

/** A DockerError for a failed command: which command, then docker's own last line. */
export function commandError(args: string[], result: ExecResult): DockerError {
  return new DockerError(
    `${commandLabel(args)} failed (exit ${result.code}): ${lastErrorLine(result)}`,
    result.code
  )
}

/** Runs and throws a commandError on a non-zero exit; for calls where failure is fatal. */
export async function runOrThrow(
  exec: DockerExec,
  args: string[],
  opts?: ExecOptions
): Promise<ExecResult> {
  const result = await exec(args, opts)
  if (result.code !== 0) throw commandError(args, result)
  return result
}
