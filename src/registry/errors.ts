import { FreshBuildError } from '../util/index.js'

/**
 * A registry failure or a reference the registry code cannot use: one line naming the registry
 * (or the reference) and what went wrong (unreachable, unauthorised, name invalid, delete
 * disabled); exit 2.
 */
export class RegistryError extends FreshBuildError {
  constructor(
    message: string,
    /** The registry's error code (`NAME_INVALID`, `UNSUPPORTED`...), or a kind of our own. */
    readonly code: string = 'ERROR'
  ) {
    super(message.replace(/\s*[\r\n]+\s*/g, ' ').trim())
  }
}
