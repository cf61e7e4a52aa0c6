import { AsyncLocalStorage } from 'node:async_hooks'
import { randomBytes } from 'node:crypto'
import { mkdir, open, readFile, stat, unlink } from 'node:fs/promises'
import { hostname } from 'node:os'
import { dirname, resolve } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { errCode, FreshBuildError } from '../util/index.js'
import { errText, EXCLUSIVE } from './store.js'

/** The lock could not be taken in time, or is already held by this process. */
export class LockError extends FreshBuildError {
  constructor(
    readonly lockPath: string,
    problem: string
  ) {
    super(`${lockPath}: ${problem}`)
  }
}

export interface LockOptions {
  /** Give up after this long (default 10 minutes: a concurrent build may be running). */
  timeoutMs?: number
  /** First retry delay; doubles up to maxDelayMs, with jitter (defaults 50 and 2000). */
  minDelayMs?: number
  maxDelayMs?: number
  /**
   * A lock from another host (a shared state dir) or one whose content cannot be read is
   * reclaimed only when its file is older than this (default 6 hours): its pid cannot be checked.
   */
  foreignStaleMs?: number
  /** For tests. */
  host?: string
  isAlive?: (pid: number) => boolean
}

interface LockInfo {
  pid: number
  host: string
  time: string
  token: string
}

/** Lock paths this process holds; a lock naming our own pid but not listed here is stale. */
const held = new Set<string>()
/** Lock paths held by the calling async chain, to refuse a nested take (it would deadlock). */
const chain = new AsyncLocalStorage<ReadonlySet<string>>()

/**
 * Runs `fn` while holding `<path>.lock`, so two runs on one host cannot interleave reading,
 * building and writing the record. The lock file is created with O_EXCL and holds pid, host, time
 * and a random token; a lock whose pid is dead on this host is reclaimed. Waits with capped
 * exponential backoff until `timeoutMs`.
 */
export async function withRecordLock<T>(
  path: string,
  fn: () => Promise<T>,
  opts: LockOptions = {}
): Promise<T> {
  const lockPath = `${resolve(path)}.lock`
  const outer = chain.getStore() ?? new Set<string>()
  if (outer.has(lockPath))
    throw new LockError(lockPath, 'already held by this call chain (nested lock)')
  const info = await acquire(lockPath, opts)
  try {
    return await chain.run(new Set([...outer, lockPath]), fn)
  } finally {
    held.delete(lockPath)
    await release(lockPath, info.token)
  }
}

async function acquire(lockPath: string, opts: LockOptions): Promise<LockInfo> {
  const timeoutMs = opts.timeoutMs ?? 10 * 60_000
  const maxDelay = opts.maxDelayMs ?? 2000
  let delay = opts.minDelayMs ?? 50
  const host = opts.host ?? hostname()
  const deadline = Date.now() + timeoutMs
  await mkdir(dirname(lockPath), { recursive: true })
  for (;;) {
    const info: LockInfo = {
      pid: process.pid,
      host,
      time: new Date().toISOString(),
      token: randomBytes(8).toString('hex')
    }
    // Marked held the moment the file exists, before another caller in this process can read it
    // and mistake our pid for a stale incarnation.
    if (await tryCreate(lockPath, info, () => held.add(lockPath))) return info
    const holder = await readHolder(lockPath)
    if (holder !== 'gone' && (await isStale(lockPath, holder, host, opts))) {
      await reclaim(lockPath, holder, host, opts)
      continue
    }
    if (holder === 'gone') continue
    if (Date.now() >= deadline) {
      const who =
        holder === null
          ? 'an unreadable lock file'
          : `pid ${holder.pid} on ${holder.host} since ${holder.time}`
      throw new LockError(
        lockPath,
        `still locked by ${who} after ${Math.round(timeoutMs / 1000)}s; delete the file if that run is gone`
      )
    }
    const wait = Math.min(delay, Math.max(0, deadline - Date.now()))
    await sleep(wait / 2 + Math.random() * (wait / 2))
    delay = Math.min(delay * 2, maxDelay)
  }
}

async function tryCreate(
  lockPath: string,
  info: LockInfo,
  onCreated?: () => void
): Promise<boolean> {
  let fh
  try {
    fh = await open(lockPath, EXCLUSIVE, 0o644)
  } catch (e) {
    if (errCode(e) === 'EEXIST') return false
    throw new LockError(lockPath, `cannot create the lock: ${errText(e)}`)
  }
  onCreated?.()
  try {
    await fh.writeFile(`${JSON.stringify(info)}\n`, 'utf8')
  } catch (e) {
    // An empty lock would block every other run until it aged out.
    held.delete(lockPath)
    await fh.close().catch(() => undefined)
    await unlink(lockPath).catch(() => undefined)
    throw new LockError(lockPath, `cannot write the lock: ${errText(e)}`)
  }
  await fh.close()
  return true
}

/** The holder as written, null when unparseable (possibly still being written), 'gone' if absent. */
async function readHolder(lockPath: string): Promise<LockInfo | null | 'gone'> {
  let text: string
  try {
    text = await readFile(lockPath, 'utf8')
  } catch (e) {
    if (errCode(e) === 'ENOENT') return 'gone'
    throw new LockError(lockPath, `cannot read the lock: ${errText(e)}`)
  }
  return parseLock(text)
}

function parseLock(text: string): LockInfo | null {
  let v: unknown
  try {
    v = JSON.parse(text)
  } catch {
    return null
  }
  if (typeof v !== 'object' || v === null) return null
  const o = v as Record<string, unknown>
  const { pid, host, time, token } = o
  if (typeof pid !== 'number' || !Number.isInteger(pid) || pid <= 0) return null
  if (typeof host !== 'string' || typeof time !== 'string' || typeof token !== 'string') return null
  return { pid, host, time, token }
}

async function isStale(
  lockPath: string,
  holder: LockInfo | null,
  host: string,
  opts: LockOptions
): Promise<boolean> {
  if (holder !== null && holder.host === host) {
    if (holder.pid === process.pid) return !held.has(lockPath) // a previous incarnation with our pid
    return !(opts.isAlive ?? pidAlive)(holder.pid)
  }
  // Another host, or a file still being written by its creator: judge by age only.
  const staleMs = holder === null ? 30_000 : (opts.foreignStaleMs ?? 6 * 3600_000)
  try {
    const st = await stat(lockPath)
    return Date.now() - st.mtimeMs > staleMs
  } catch {
    return false
  }
}

/**
 * Removes a stale lock without racing another reclaimer: under a short-lived `.reclaim` lock,
 * re-read the lock and delete it only if it is still the same stale holder. Without this, two
 * waiters could both see the dead pid, and the slower one would delete the faster one's new lock.
 */
async function reclaim(
  lockPath: string,
  stale: LockInfo | null,
  host: string,
  opts: LockOptions
): Promise<void> {
  const guard = `${lockPath}.reclaim`
  const mine: LockInfo = {
    pid: process.pid,
    host,
    time: new Date().toISOString(),
    token: 'reclaim'
  }
  if (!(await tryCreate(guard, mine))) {
    // Someone else is reclaiming; a guard left by a crashed reclaimer expires quickly.
    try {
      const st = await stat(guard)
      if (Date.now() - st.mtimeMs > 30_000) await unlink(guard)
    } catch {
      // gone already
    }
    await sleep(10)
    return
  }
  try {
    const now = await readHolder(lockPath)
    if (now === 'gone') return
    const same = now === null ? stale === null : stale !== null && now.token === stale.token
    if (same && (await isStale(lockPath, now, host, opts)))
      await unlink(lockPath).catch(() => undefined)
  } finally {
    await unlink(guard).catch(() => undefined)
  }
}

async function release(lockPath: string, token: string): Promise<void> {
  const now = await readHolder(lockPath).catch(() => null)
  // Only remove our own lock: if it was reclaimed from us (we looked dead), it is not ours.
  if (now !== null && now !== 'gone' && now.token === token) {
    await unlink(lockPath).catch(() => undefined)
  }
}

/** Whether a process with this pid exists on this host (EPERM: it exists, owned by another user). */
export function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (e) {
    return errCode(e) === 'EPERM'
  }
}
