import { daemonExec, dockerClient, run as runProcess, type DockerExec } from '../../docker/index.js'
import { recordPathOf, stateInsideContext } from '../../record/index.js'
import { redactor } from '../../report/index.js'
import { statCachePathFor } from '../../context/index.js'
import { secretArgValues, type GuardOptions } from '../options.js'
import { buildSecretValues } from '../build-flags.js'
import type { GuardCommand, GuardIo, Identity, PreparedRun } from '../run.js'

/** Stage 1: identity, build args, where the record and stat cache live. No file is read yet. */
export async function prepare(
  command: GuardCommand,
  opts: GuardOptions,
  service: string | null,
  io: GuardIo
): Promise<PreparedRun> {
  const redact = redactor([...secretArgValues(opts), ...buildSecretValues(opts.build, io.env)])
  const identity = await resolveIdentity(opts, io.env)
  const statePath = recordPathOf(opts, io.env)
  const recordInContext = stateInsideContext(statePath, opts.context, io.cwd)
  return {
    command,
    opts,
    service,
    io,
    // Only the data in a line is redacted (a path, a tag, a log line), never the tool's own
    // words: a secret `e` must not rewrite them.
    say: line => io.progress(line),
    redact,
    identity,
    buildArgs: command === 'build' ? injectIdentity(opts.buildArgs, identity) : opts.buildArgs,
    statePath,
    recordInContext,
    // Beside the record; not when the record sits inside the context (the cache would be hashed).
    statCache: opts.statCache === false || recordInContext ? null : statCachePathFor(statePath),
    docker: lazyDocker(opts, io),
    warnings: [],
    pushPlan: null
  }
}

/** The injected exec, else the configured client, made on first use. */
function lazyDocker(opts: GuardOptions, io: GuardIo): () => DockerExec {
  let exec = io.exec
  return () => (exec ??= daemonExec(dockerClient({ dockerPath: opts.docker, env: io.env })))
}

export async function resolveIdentity(
  opts: GuardOptions,
  env: NodeJS.ProcessEnv
): Promise<Identity> {
  let commit = opts.commit ?? env.GITHUB_SHA ?? null
  if (commit === null) {
    const git = await runProcess('git', ['-C', opts.context, 'rev-parse', 'HEAD'], { env }).catch(
      () => null
    )
    commit = git && git.code === 0 ? git.stdout.trim() || null : null
  }
  const buildId =
    opts.buildId ??
    (env.GITHUB_RUN_ID
      ? `${env.GITHUB_RUN_ID}.${env.GITHUB_RUN_ATTEMPT ?? '1'}`
      : new Date().toISOString().replace(/[-:.]/g, ''))
  return { commit, buildId }
}

/** GIT_COMMIT_HASH and BUILD_ID, unless the user set them. */
export function injectIdentity(args: Record<string, string>, id: Identity): Record<string, string> {
  const out = { ...args }
  if (!('GIT_COMMIT_HASH' in out) && id.commit) out.GIT_COMMIT_HASH = id.commit
  if (!('BUILD_ID' in out)) out.BUILD_ID = id.buildId
  return out
}
