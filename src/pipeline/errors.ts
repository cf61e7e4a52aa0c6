import { visible } from '../report/text-safety.js'
import { UsageError } from './options.js'

/**
 * One clear line for any thrown value: an Error's first message line, or the value itself (a
 * thrown string must not leave a step green or print `[object Object]`). Control characters
 * left in it (a file name's ESC or CR) are shown as escapes, so the line cannot drive a
 * terminal or forge another line.
 */
export function errorMessage(e: unknown): string {
  return visible(rawMessage(e).trim())
}

/**
 * Errors this project builds from user-given names (paths, values): one line by contract, so a
 * newline in a path is data to show escaped, not the end of the message. Anything else (node,
 * js-yaml with its code frame) is cut to its first line.
 */
const OWN_ERRORS = new Set([
  'UsageError',
  'ContextError',
  'IgnoreSyntaxError',
  'DockerfileError',
  'LogFileError',
  'RecordError',
  'LockError',
  'ComposeError',
  'InterpolationError',
  'BuildFailedError',
  'DockerError',
  'RegistryError'
])

/** An Error, also one from another realm (a vm context, a worker), which fails `instanceof`. */
function errorLike(e: unknown): { name: string; message: string } | null {
  if (e instanceof Error) return e
  if (typeof e !== 'object' || e === null) return null
  const { name, message } = e as { name?: unknown; message?: unknown }
  return typeof message === 'string'
    ? { name: typeof name === 'string' ? name : 'Error', message }
    : null
}

function rawMessage(thrown: unknown): string {
  const e = errorLike(thrown)
  if (e && OWN_ERRORS.has(e.name)) return e.message.replace(/^\s*\n+|\n+\s*$/g, '')
  if (e) return e.message.split('\n').find(l => l.trim() !== '') ?? e.name
  if (typeof thrown === 'string') return thrown.split('\n').find(l => l.trim() !== '') ?? thrown
  try {
    return JSON.stringify(thrown) ?? String(thrown)
  } catch {
    return String(thrown)
  }
}

/** Every error is exit 2; only a stale verdict is exit 1, and that is not an exception. */
export function exitCodeFor(_e: unknown): number {
  return 2
}

export { UsageError }
