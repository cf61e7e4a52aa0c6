/**
 * The project's errors: each is one line a person can act on (paths and values shown escaped,
 * never cut), carries the process exit code, and is recognised by `instanceof`.
 */
export class FreshBuildError extends Error {
  /** Every error is exit 2; only a stale verdict is exit 1, and that is not an exception. */
  readonly exitCode: number = 2

  constructor(message: string) {
    super(message)
    // The subclass's own name (UsageError, RecordError...), as stack traces and --debug show it.
    this.name = new.target.name
  }
}

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
