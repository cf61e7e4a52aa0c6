/**
 * An error named after its own class (UsageError, WordError...), as stack traces and --debug
 * show it, without each subclass setting `name` by hand. The base of every error class here.
 */
export class NamedError extends Error {
  constructor(message?: string) {
    super(message)
    this.name = new.target.name
  }
}

/**
 * The errors a user sees: each is one line a person can act on (paths and values shown escaped,
 * never cut), carries the process exit code, and is recognised by `instanceof`. Errors that are
 * caught and rewritten inside a module (WordError, GoRegexpError...) are plain NamedErrors.
 */
export class FreshBuildError extends NamedError {
  /** Every error is exit 2; only a stale verdict is exit 1, and that is not an exception. */
  readonly exitCode: number = 2
}

/**
 * A user mistake: one clear line, exit code 2, no stack trace. Defined here, below every
 * module that refuses an input (the pipeline's options, the GitHub cache API, verify).
 */
export class UsageError extends FreshBuildError {}

/**
 * The message of any thrown value, as thrown: an Error's message (duck-typed, so an error from
 * another realm such as a vm context or a worker counts), else the value as a string.
 */
export function thrownMessage(e: unknown): string {
  if (typeof e === 'object' && e !== null && 'message' in e && typeof e.message === 'string') {
    return e.message
  }
  return String(e)
}
