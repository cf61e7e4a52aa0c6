import { createHash } from 'node:crypto'
import { homedir } from 'node:os'
import { basename, isAbsolute, join, resolve } from 'node:path'
import { strictlyInside } from '../util/index.js'

export interface StatePathOptions {
  /** Build context directory (relative paths resolve against `cwd`). */
  context: string
  /** Dockerfile path (relative paths resolve against `cwd`). */
  file: string
  target?: string
  env: Record<string, string | undefined>
  /** Defaults to process.cwd(). */
  cwd?: string
  /** Defaults to $HOME, then os.homedir(). */
  home?: string
}

/**
 * Where the record lives by default on the builder host. The rule:
 *
 *   dir  = $FRESH_BUILD_STATE_DIR
 *        | $XDG_STATE_HOME/fresh-build        (only when absolute, as the XDG spec requires)
 *        | ~/.local/state/fresh-build
 *   file = <slug>-<hash>.json
 *          slug: the context folder name (plus the target), lower-case [a-z0-9._-], for humans
 *          hash: first 16 hex of sha256(abs context \0 abs Dockerfile \0 target)
 *
 * The state must live OUTSIDE the build context: a file written inside it would change the
 * context hash on every run (use stateInsideContext to warn about an override that does). The
 * hash keys the record to one build, so two projects whose folders share a name never share a
 * record (the very mix-up BuildKit's source.local cache makes), and one Dockerfile built for two
 * targets keeps two records. Paths are resolved, not realpath'd: pure, and a symlinked
 * alias gets its own record rather than a wrong one.
 */
export function defaultStatePath(opts: StatePathOptions): string {
  const cwd = opts.cwd ?? process.cwd()
  const context = resolve(cwd, opts.context)
  const file = resolve(cwd, opts.file)
  const target = opts.target ?? ''
  const key = createHash('sha256')
    .update(`${context}\0${file}\0${target}`)
    .digest('hex')
    .slice(0, 16)
  const readable = [basename(context) || 'root', target].filter(Boolean).join('-')
  const slug =
    readable
      .toLowerCase()
      .replace(/[^a-z0-9._-]+/g, '-')
      .replace(/^[-.]+|-+$/g, '')
      .slice(0, 40) || 'context'
  return join(stateDir(opts), `${slug}-${key}.json`)
}

/** The record a run uses: the one its options name (--state, `state-file`), else the default. */
export function recordPathOf(
  opts: { state: string | null; context: string; file: string; target?: string | null },
  env: Record<string, string | undefined>
): string {
  return (
    opts.state ??
    defaultStatePath({
      context: opts.context,
      file: opts.file,
      target: opts.target ?? undefined,
      env
    })
  )
}

/** The directory part of the rule above. */
export function stateDir(opts: Pick<StatePathOptions, 'env' | 'home' | 'cwd'>): string {
  const { env } = opts
  if (env.FRESH_BUILD_STATE_DIR)
    return resolve(opts.cwd ?? process.cwd(), env.FRESH_BUILD_STATE_DIR)
  if (env.XDG_STATE_HOME && isAbsolute(env.XDG_STATE_HOME))
    return join(env.XDG_STATE_HOME, 'fresh-build')
  const home = opts.home ?? (env.HOME || homedir())
  return join(home, '.local', 'state', 'fresh-build')
}

/** True when the state file would sit inside the build context (and so change its hash). */
export function stateInsideContext(
  statePath: string,
  context: string,
  cwd = process.cwd()
): boolean {
  return strictlyInside(resolve(cwd, context), resolve(cwd, statePath))
}
