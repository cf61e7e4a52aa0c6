import { UsageError } from './options.js'

/**
 * One clear line for any thrown value: an Error's first message line, or the value itself (a
 * thrown string must not leave a step green or print `[object Object]`).
 */
export function errorMessage(e: unknown): string {
  if (e instanceof Error) return (e.message.split('\n').find(l => l.trim() !== '') ?? e.name).trim()
  if (typeof e === 'string') return e
  try {
    return JSON.stringify(e) ?? String(e)
  } catch {
    return String(e)
  }
}

/** Every error is exit 2; only a stale verdict is exit 1, and that is not an exception. */
export function exitCodeFor(_e: unknown): number {
  return 2
}

export { UsageError }
