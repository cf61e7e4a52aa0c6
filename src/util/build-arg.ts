/**
 * Build args as docker accepts them, for every place that reads one (CLI flags, the action's
 * lines, the Dockerfile's ARG): the name rule and the `KEY=VALUE` split.
 */

/** An identifier: letters, digits and `_`, not starting with a digit (no `=`, no whitespace). */
const BUILD_ARG_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/

export function isBuildArgName(name: string): boolean {
  return BUILD_ARG_NAME.test(name)
}

/**
 * `KEY=VALUE` split at the first `=`; the value keeps everything after it byte for byte (it goes
 * into an argv slot, never through a shell). `value` is null when there is no `=`, and `name`
 * is then the whole text. The name is not checked here: callers word their own errors.
 */
export function splitBuildArg(text: string): { name: string; value: string | null } {
  const eq = text.indexOf('=')
  return eq < 0
    ? { name: text, value: null }
    : { name: text.slice(0, eq), value: text.slice(eq + 1) }
}
