/**
 * The one place that builds environments for the processes and in-process runs a test starts.
 *
 * Every test talks to the daemon the suite was given: DOCKER_HOST (else the default socket) always
 * passes through, so a user who points DOCKER_HOST at a daemon of their own never has another one
 * built on, tagged or pruned. A test that needs a dead daemon names its own dead socket in `extra`.
 * GitHub runner variables (GITHUB_*) and DOCKER_PATH are dropped: they would switch the CLI into
 * the action's behaviour or another docker client.
 */
export function suiteEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const keep = Object.entries(process.env).filter(
    ([k]) => !k.startsWith('GITHUB_') && k !== 'DOCKER_PATH'
  )
  return { ...Object.fromEntries(keep), ...extra }
}

/** The daemon the suite was given, as a child environment carries it (undefined: default socket). */
export function suiteDockerHost(): string | undefined {
  return process.env.DOCKER_HOST || undefined
}
