// Process timing for the benchmark: argv arrays only (never a shell), wall time, and the peak
// RSS of node children through the rss-probe preload.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const PROBE = new URL('./rss-probe.mjs', import.meta.url).href

/**
 * Runs `cmd args` to completion. Returns wall milliseconds, the exit code, output (unless
 * discarded) and, for `node: true`, the child's peak RSS in KiB.
 */
export function timed(cmd, args, opts = {}) {
  let rssDir = null
  let argv = args
  const env = { ...process.env, ...opts.env }
  if (opts.node) {
    rssDir = mkdtempSync(join(tmpdir(), 'fb-bench-rss-'))
    env.FB_BENCH_RSS_OUT = join(rssDir, 'rss')
    argv = ['--import', PROBE, ...args]
  }
  const start = process.hrtime.bigint()
  const r = spawnSync(cmd, argv, {
    cwd: opts.cwd,
    env,
    input: opts.input,
    encoding: 'utf8',
    maxBuffer: 1 << 30,
    stdio: [opts.input === undefined ? 'ignore' : 'pipe', opts.discard ? 'ignore' : 'pipe', 'pipe']
  })
  const ms = Number(process.hrtime.bigint() - start) / 1e6
  let rssKiB = null
  if (rssDir) {
    try {
      rssKiB = Number(readFileSync(join(rssDir, 'rss'), 'utf8'))
    } catch {
      rssKiB = null
    }
    rmSync(rssDir, { recursive: true, force: true })
  }
  if (r.error) throw r.error
  return { ms, code: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? '', rssKiB }
}

/** Like timed(), but a non-zero exit is an error naming the command and its last stderr line. */
export function must(cmd, args, opts = {}) {
  const r = timed(cmd, args, opts)
  if (r.code !== 0 && !(opts.okCodes ?? []).includes(r.code)) {
    const last = r.stderr.trim().split('\n').slice(-3).join(' | ')
    throw new Error(`${cmd} ${args.join(' ')} exited ${r.code}: ${last}`)
  }
  return r
}

export function median(xs) {
  const s = [...xs].sort((a, b) => a - b)
  const mid = Math.floor(s.length / 2)
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2
}

/** Steps of a BuildKit plain log (`#N [stage i/n] INSTR`), each with whether it was CACHED. */
export function plainSteps(log) {
  const lines = log.split('\n')
  const cached = new Set(lines.filter(l => / CACHED$/.test(l)).map(l => l.split(' ')[0]))
  const steps = []
  for (const l of lines) {
    const m = /^(#\d+) \[(?:[^\]]* )?\d+\/\d+\] (.*)$/.exec(l)
    if (m && !steps.some(s => s.id === m[1]))
      steps.push({ id: m[1], instruction: m[2], cached: cached.has(m[1]) })
  }
  return steps
}

/** The seconds BuildKit reports for `[internal] load build context`, or null. */
export function contextTransferSeconds(log) {
  const id = /^(#\d+) \[internal\] load build context$/m.exec(log)?.[1]
  if (!id) return null
  const done = new RegExp(`^${id} DONE ([0-9.]+)s$`, 'm').exec(log)
  return done ? Number(done[1]) : null
}
