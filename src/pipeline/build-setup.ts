/**
 * What the build phase adds on top of the guard's own build: the user's docker build flags
 * checked against the builder, secrets written to temp files, named contexts wired in (buildx
 * flags or stand-in images), warnings about builders and runners that forget everything after
 * the job, and the printed command line. The guard calls `setUpBuild` once and `done` at the end.
 */
import {
  buildxWarnings,
  type DockerExec,
  type DockerHostInfo,
  type PassThrough
} from '../docker/index.js'
import {
  buildSecretValues,
  checkBuilderSupport,
  checkLabelsFree,
  materializeSecrets,
  noBuildFlags,
  passThrough,
  flagName,
  type BuildFlags,
  type Surface
} from './build-flags.js'
import { buildStandIns } from './named-contexts.js'

export interface BuildSetup {
  /** The argv flags for the build itself. */
  flags: PassThrough
  /** The same without `--pull`: a proof's stage build must reuse what the build just resolved. */
  stageFlags: PassThrough
  labels: Record<string, string>
  noCache: boolean
  warnings: string[]
  /** Builds what the build reads besides the context (named-context stand-ins), after the prune. */
  beforeBuild: () => Promise<void>
  /** Removes the temp secret files and the stand-in tags; safe to call twice. */
  done: () => Promise<void>
}

/** `docker a b 'c d'`: the command as a person could paste it (values with spaces quoted). */
export function commandLine(
  argv: readonly string[],
  env: Readonly<Record<string, string>> = {}
): string {
  const quote = (a: string): string =>
    /^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`
  const prefix = Object.entries(env).map(([k, v]) => `${k}=${quote(v)} `)
  return `${prefix.join('')}docker ${argv.map(quote).join(' ')}`
}

/** The build's command as printed: commandLine with each `--build-arg` value redacted. */
export function buildCommandLine(
  argv: readonly string[],
  env: Readonly<Record<string, string>>,
  redact: (line: string) => string
): string {
  return commandLine(
    argv.map((a, i) => (argv[i - 1] === '--build-arg' ? redactValue(a, redact) : a)),
    env
  )
}

/** `KEY=VALUE` with the value redacted. */
function redactValue(arg: string, redact: (s: string) => string): string {
  const eq = arg.indexOf('=')
  return eq < 0 ? arg : `${arg.slice(0, eq + 1)}${redact(arg.slice(eq + 1))}`
}

export async function setUpBuild(
  build: BuildFlags | undefined,
  host: DockerHostInfo,
  io: {
    exec: DockerExec
    env: NodeJS.ProcessEnv
    say: (line: string) => void
    redact: (line: string) => string
    surface: Surface
    /** The record's path, for the ephemeral-runner warning. */
    statePath: string
  }
): Promise<BuildSetup> {
  const flags = build ?? noBuildFlags()
  checkBuilderSupport(flags, host, io.surface)
  checkLabelsFree(flags.labels, buildSecretValues(flags, io.env), io.surface)
  const warnings: string[] = []
  if (host.kind === 'buildx') warnings.push(...(await buildxWarnings(io.exec, flags.builder)))
  if (io.env.RUNNER_ENVIRONMENT === 'github-hosted') {
    warnings.push(
      `the record ${io.statePath} sits on a GitHub-hosted runner, which is new in every job: every run is a baseline there unless the record is kept elsewhere (a self-hosted runner, or the record kept in the registry)`
    )
  }
  const secrets = materializeSecrets(flags, io.surface, io.env)
  const names = Object.keys(flags.buildContexts)
  let standIns: { cleanup: () => Promise<void> } | null = null
  const onCommand = (argv: readonly string[], env: Readonly<Record<string, string>>): void =>
    io.say(commandLine(argv, env))
  const contexts = host.kind === 'buildx' ? flags.buildContexts : {}
  const pass = passThrough(flags, secrets.files, contexts)
  let finished = false
  return {
    flags: pass,
    stageFlags: { ...pass, pull: false },
    labels: flags.labels,
    noCache: flags.noCache,
    warnings,
    // After the prune: a stand-in built before it would keep the stale bytes the prune removes.
    beforeBuild: async () => {
      if (host.kind === 'buildx' || names.length === 0 || standIns !== null) return
      standIns = await buildStandIns(
        flags.buildContexts,
        { exec: io.exec, kind: host.kind, say: io.say, redact: io.redact, onCommand },
        flagName('buildContexts', io.surface)
      )
    },
    done: async () => {
      if (finished) return
      finished = true
      secrets.cleanup()
      await standIns?.cleanup()
    }
  }
}
