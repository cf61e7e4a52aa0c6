import { visible } from '../report/index.js'
import { FreshBuildError } from '../util/index.js'
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
  // This project's errors are one line by contract, built from user-given names (paths,
  // values): a newline in a path is data to show escaped, not the end of the message.
  if (thrown instanceof FreshBuildError) return thrown.message.replace(/^\s*\n+|\n+\s*$/g, '')
  // Anything else (node, js-yaml with its code frame) is cut to its first line.
  const e = errorLike(thrown)
  if (e) return e.message.split('\n').find(l => l.trim() !== '') ?? e.name
  if (typeof thrown === 'string') return thrown.split('\n').find(l => l.trim() !== '') ?? thrown
  try {
    return JSON.stringify(thrown) ?? String(thrown)
  } catch {
    return String(thrown)
  }
}

/** The exit code for a thrown value: the error's own, else 2 (a failure we did not foresee). */
export function exitCodeFor(e: unknown): number {
  return e instanceof FreshBuildError ? e.exitCode : 2
}

export { FreshBuildError, UsageError }
