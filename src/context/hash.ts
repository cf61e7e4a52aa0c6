import { createHash } from 'node:crypto'
import type { ContextEntry } from '../model.js'
import { pathToBytes } from '../util/index.js'

/**
 * What BuildKit's cache key covers for one entry apart from its name, as one line: type,
 * permission bits, and the content (or symlink target) digest. Never mtime, never uid/gid.
 */
export function entrySignature(e: ContextEntry): string {
  return `${e.type} ${formatMode(e.mode)} ${e.digest ?? '-'}`
}

/** `0644`-style permission bits. */
export function formatMode(mode: number): string {
  return (mode & 0o7777).toString(8).padStart(4, '0')
}

/**
 * sha256 over the entries' signatures and names, in path byte order. Used for the context hash
 * (all entries) and for each step's source hash (the entries that step selects). Each name is
 * JSON-quoted, so names with spaces or newlines cannot collide with another entry's line.
 */
export function hashEntries(entries: readonly ContextEntry[]): string {
  // The walk returns entries sorted and step selections keep that order: check, do not re-sort.
  const sorted = sortedByBytes(entries)
    ? entries
    : [...entries].sort((a, b) => compareBytes(a.path, b.path))
  const h = createHash('sha256')
  // JSON quoting is one to one on name strings, and name strings are one to one on the bytes
  // on disk (a byte that is not UTF-8 is quoted as its own \udcXX escape): the hash covers the
  // names as Docker sends them.
  for (const e of sorted) h.update(`${entrySignature(e)} ${JSON.stringify(e.path)}\n`)
  return `sha256:${h.digest('hex')}`
}

// UTF-16 order equals UTF-8 byte order for strings without surrogates or U+E000-U+FFFF.
const ABOVE_SURROGATES = /[\uD800-\uFFFF]/

/** The entries are in path byte order (ties allowed), checked in one pass. */
export function sortedByBytes(entries: readonly ContextEntry[]): boolean {
  for (let i = 1; i < entries.length; i++) {
    const a = (entries[i - 1] as ContextEntry).path
    const b = (entries[i] as ContextEntry).path
    if (a <= b && !ABOVE_SURROGATES.test(a) && !ABOVE_SURROGATES.test(b)) continue
    if (compareBytes(a, b) > 0) return false
  }
  return true
}

/** Byte-order comparison of paths, the same on every machine and locale. */
export function compareBytes(a: string, b: string): number {
  return Buffer.compare(pathToBytes(a), pathToBytes(b))
}

/**
 * The record's per-entry signature: what BuildKit's key covers plus the size, which lets a stale
 * file be explained as a same-size edit (the case Docker's size+mtime shortcut misses).
 */
export function fileSignature(e: ContextEntry): string {
  return `${entrySignature(e)} ${e.size}`
}

/** The size a fileSignature recorded, or null for a signature without one. */
export function signatureSize(signature: string): number | null {
  const parts = signature.split(' ')
  if (parts.length < 4) return null
  const size = Number(parts[3])
  return Number.isSafeInteger(size) ? size : null
}
