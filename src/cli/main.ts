import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { parseCli, USAGE, type Parsed } from './args.js'
import { errorMessage, exitCodeFor } from '../pipeline/errors.js'
import { redactor, type Redact } from '../report/text-safety.js'
import { secretArgValues } from '../pipeline/options.js'
import { buildSecretValues } from '../pipeline/build-flags.js'
import type { Judgement } from '../model.js'

export interface CliIo {
  stdout: (s: string) => void
  stderr: (s: string) => void
  cwd: string
  env: NodeJS.ProcessEnv
}

const defaultIo = (): CliIo => ({
  stdout: s => void process.stdout.write(s),
  stderr: s => void process.stderr.write(s),
  cwd: process.cwd(),
  env: process.env
})

/** Runs one CLI invocation and returns its exit code: 0 pass, 1 stale, 2 error. */
export async function main(argv: readonly string[], raw: CliIo = defaultIo()): Promise<number> {
  let parsed: Parsed | null = null
  const io = raw
  let redact: Redact = s => s
  // Build logs, file names and Dockerfile text reach stderr. On a GitHub runner a line of
  // them starting with `::` or `##[` would run as a workflow command (set outputs, mask,
  // annotate), so command processing is paused, with a token no output can guess.
  const token = raw.env.GITHUB_ACTIONS === 'true' ? randomBytes(16).toString('hex') : null
  let paused = false
  try {
    parsed = parseCli(argv, raw.cwd, raw.env)
    // Secret build-arg values are redacted where data is put into the output (the guard's lines
    // and judgement, error messages), never over a whole stream: that would also rewrite the
    // JSON's structure and the tool's own words.
    redact = redactor(secretValues(parsed))
    if (token !== null && parsed.command !== 'help' && parsed.command !== 'version') {
      raw.stderr(`::stop-commands::${token}\n`)
      paused = true
    }
    return await dispatch(parsed, io)
  } catch (e) {
    const debug = parsed?.debug ?? argv.includes('--debug')
    const message = redact(errorMessage(e))
    io.stderr(`fresh-build: error: ${message}\n`)
    if (debug && e instanceof Error && e.stack) io.stderr(`${redact(e.stack)}\n`)
    // --json promises one document on stdout, an error included.
    const json = parsed !== null ? parsed.json : argv.includes('--json')
    if (json) io.stdout(`${JSON.stringify({ error: { message } }, null, 2)}\n`)
    return exitCodeFor(e)
  } finally {
    if (paused) raw.stderr(`::${token ?? ''}::\n`)
  }
}

/** The values of `--secret-build-arg` names, to mask everywhere. */
function secretValues(p: Parsed): string[] {
  if (p.command !== 'build' && p.command !== 'check') return []
  return [...secretArgValues(p.guard), ...buildSecretValues(p.guard.build)]
}

/**
 * Each command loads its own modules when it runs (ncc puts them in chunks): `--version` and
 * `--help` load none, `hash` not the guard, `parse-log` not the pipeline.
 */
async function dispatch(p: Parsed, io: CliIo): Promise<number> {
  // Documents leave the pipeline redacted already (redactJudgement), so they are printed as is.
  const emit = (doc: unknown): void => io.stdout(`${JSON.stringify(doc, null, 2)}\n`)
  switch (p.command) {
    case 'help':
      io.stdout(USAGE)
      return 0
    case 'version':
      io.stdout(`${version()}\n`)
      return 0
    case 'hash': {
      const { daemonOnBuild, hashContext, hashReport } = await import('../pipeline/hash.js')
      const hashed = await hashContext({
        context: p.context,
        file: p.file,
        buildArgs: p.buildArgs,
        namedContexts: p.namedContexts,
        onBuild: daemonOnBuild(io.env)
      })
      const doc = hashReport(hashed)
      if (p.json) emit(doc)
      else {
        io.stdout(`${doc.contextHash}\n`)
        for (const s of doc.steps) {
          io.stderr(`${s.sourceHash}  ${s.stage} ${s.index} line ${s.line}: ${s.instruction}\n`)
        }
        io.stderr(`${doc.files.length} entries in the context\n`)
      }
      return 0
    }
    case 'parse-log': {
      const { parseLogFile, toParseLogJson } = await import('../logs/index.js')
      const log = await parseLogFile(p.logFile)
      const doc = toParseLogJson(log)
      if (p.json) emit(doc)
      else {
        io.stdout(`format: ${doc.format}\n`)
        for (const s of doc.steps) {
          const where = [s.service, s.stage].filter(Boolean).join(' ')
          io.stdout(
            `${s.cached ? 'CACHED' : 'ran   '} [${where ? `${where} ` : ''}${s.index}/${s.total}] ${s.instruction}\n`
          )
        }
      }
      return 0
    }
    case 'build':
    case 'check': {
      const [{ reportDocument, runGuard }, { renderText }] = await Promise.all([
        import('../pipeline/guard.js'),
        import('../report/text.js')
      ])
      const progress = (line: string): void => io.stderr(`${line}\n`)
      const results = await runGuard(p.command, p.guard, p.compose, {
        progress,
        env: io.env,
        cwd: io.cwd
      })
      for (const { service, judgement } of results) {
        io.stderr(renderText(judgement, { title: service ?? undefined }))
      }
      if (p.json) emit(reportDocument(results))
      return worst(results.map(r => r.judgement))
    }
    case 'verify':
      return verify(p, io, emit)
    case 'clear': {
      const [{ checkContextDir }, { runClear }] = await Promise.all([
        import('../pipeline/hash.js'),
        import('../pipeline/clear.js')
      ])
      // Paths are resolved inside the context: a missing one is the fault to name.
      if (p.clear.paths.length > 0) await checkContextDir(p.clear.context)
      const report = await runClear(
        { ...p.clear, root: p.clear.context },
        { progress: (line: string) => io.stderr(`${line}\n`), env: io.env }
      )
      if (p.json) emit(report)
      else
        io.stderr(
          `cleared: reclaimed ${report.reclaimedBytes} bytes; removed ${report.removedPaths.length} path(s); record reset: ${report.recordReset}${report.registryCache ? `; registry cache deleted: ${report.registryCache.deleted.map(d => d.ref).join(', ') || 'none'}` : ''}\n`
        )
      return 0
    }
  }
}

async function verify(
  p: Extract<Parsed, { command: 'verify' }>,
  io: CliIo,
  emit: (doc: unknown) => void
): Promise<number> {
  const [{ runVerify }, { renderVerifyText, verifyJson }] = await Promise.all([
    import('../verify/run.js'),
    import('../verify/report.js')
  ])
  const report = await runVerify(p.verify, {
    progress: line => io.stderr(`${line}\n`),
    env: io.env
  })
  io.stderr(renderVerifyText(report))
  if (p.json) emit(verifyJson(report))
  return report.verdict === 'live' ? 0 : 1
}

function worst(judgements: readonly Judgement[]): number {
  return judgements.some(j => j.verdict === 'stale') ? 1 : 0
}

function version(): string {
  // The bundle sits in dist/cli/; package.json two levels up in a checkout or an npm install.
  for (const rel of ['../../package.json', '../package.json']) {
    try {
      const pkg = JSON.parse(readFileSync(new URL(rel, import.meta.url), 'utf8')) as {
        version?: string
      }
      if (pkg.version) return pkg.version
    } catch {
      // try the next candidate
    }
  }
  return 'unknown'
}
