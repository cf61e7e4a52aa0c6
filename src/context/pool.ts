/**
 * Hashes many files on every core: worker threads plus the main thread, which starts at once and
 * so hides the workers' start-up. sha256 is sequential, so one file is never split: files go
 * largest first (a big binary started last would be the run's tail) in batches, a big file alone,
 * small ones up to BATCH_FILES or BATCH_BYTES per message, so 20k small files cost a few hundred
 * messages. Messages carry paths, never file bytes.
 *
 * A worker that dies (cannot start, crashes) loses nothing: its batches go back to the queue and
 * the others, at least the main thread, finish them. A file that cannot be read ends the run with
 * that file's error, as the one-thread path does. Every worker is terminated before the returned
 * promise settles, so no thread outlives a call.
 */
import { Worker } from 'node:worker_threads'
import type { DigestBatch, DigestReply, DigestWorkerData, WorkerFault } from './digest-worker.js'
import { digestWorkerSource } from './digest-worker.js'

/** A file to hash: where it is (`path` is what fs is given) and how big its stat said it was. */
export interface PoolJob {
  path: string | Buffer
  size: number
}

/** A file that could not be hashed: its path (as the caller named it) and the fs error. */
export class DigestFailure extends Error {
  constructor(
    readonly path: string,
    readonly cause: unknown
  ) {
    super(`cannot hash ${path}`)
  }
}

export interface PoolOptions {
  /** Worker threads beside the main thread (at least 1). */
  workers: number
  /** Each worker's read buffer. */
  bufferSize: number
  /** open() flags for every file. */
  flags: number
  /** The workers' program; tests give one that fails. */
  source?: string
}

const BATCH_BYTES = 4 * 1024 * 1024
const BATCH_FILES = 256
/** Batches each worker holds, so it never waits for the main thread between two. */
const IN_FLIGHT = 2

/** Threads started and not yet exited, and ever started: tests prove none is left behind. */
let live = 0
let starts = 0
export function liveDigestWorkers(): number {
  return live
}
export function digestWorkerStarts(): number {
  return starts
}

interface Slot {
  worker: Worker
  inFlight: Map<number, number[]>
  dead: boolean
}

/**
 * `sha256:<hex>` of each job, in input order. `names[i]` names job i in a DigestFailure.
 * `inThread` hashes one job on the main thread (the caller's one-thread digester).
 */
export function digestInPool(
  jobs: readonly PoolJob[],
  names: readonly string[],
  opts: PoolOptions,
  inThread: (i: number) => Promise<string>
): Promise<string[]> {
  const results = new Array<string>(jobs.length)
  let remaining = jobs.length
  if (remaining === 0) return Promise.resolve(results)
  const order = jobs.map((_, i) => i).sort((a, b) => (jobs[b]?.size ?? 0) - (jobs[a]?.size ?? 0))
  let next = 0
  const requeued: number[][] = []
  const take = (): number[] | null => {
    const back = requeued.pop()
    if (back) return back
    if (next >= order.length) return null
    const batch: number[] = []
    let bytes = 0
    while (next < order.length && batch.length < BATCH_FILES && bytes < BATCH_BYTES) {
      const i = order[next++] as number
      batch.push(i)
      bytes += jobs[i]?.size ?? 0
    }
    return batch
  }

  return new Promise<string[]>((resolve, reject) => {
    let settled = false
    const slots: Slot[] = []
    const finish = (error: DigestFailure | null): void => {
      if (settled) return
      settled = true
      void Promise.all(slots.map(s => s.worker.terminate().catch(() => undefined))).then(() =>
        error ? reject(error) : resolve(results)
      )
    }
    const done = (i: number, digest: string): void => {
      results[i] = digest
      if (--remaining === 0) finish(null)
    }
    const failed = (i: number, e: unknown): void =>
      finish(new DigestFailure(names[i] ?? String(jobs[i]?.path), e))

    let mainRunning = false
    const runMain = async (): Promise<void> => {
      if (mainRunning) return
      mainRunning = true
      try {
        for (let batch = take(); batch !== null && !settled; batch = take()) {
          for (const i of batch) {
            if (settled) return
            try {
              done(i, await inThread(i))
            } catch (e) {
              failed(i, e)
              return
            }
          }
          // Small files are read synchronously: let the workers' replies in between batches.
          await new Promise<void>(r => setImmediate(r))
        }
      } finally {
        mainRunning = false
      }
    }

    let ids = 0
    const feed = (s: Slot): void => {
      while (!s.dead && !settled && s.inFlight.size < IN_FLIGHT) {
        const batch = take()
        if (batch === null) return
        const id = ids++
        s.inFlight.set(id, batch)
        const paths = batch.map(i => jobs[i]?.path as string | Buffer)
        s.worker.postMessage({ id, paths } satisfies DigestBatch)
      }
    }
    const lose = (s: Slot): void => {
      if (s.dead) return
      s.dead = true
      for (const batch of s.inFlight.values()) requeued.push(batch)
      s.inFlight.clear()
      if (!settled) void runMain()
    }
    const data: DigestWorkerData = { bufferSize: opts.bufferSize, flags: opts.flags }
    for (let w = 0; w < opts.workers; w++) {
      let worker: Worker
      try {
        worker = new Worker(opts.source ?? digestWorkerSource(), { eval: true, workerData: data })
      } catch {
        continue // No thread: the main thread and the others do its share.
      }
      live++
      starts++
      const s: Slot = { worker, inFlight: new Map(), dead: false }
      slots.push(s)
      worker.on('message', (reply: DigestReply) => {
        const batch = s.inFlight.get(reply.id)
        if (!batch || settled) return
        s.inFlight.delete(reply.id)
        for (let k = 0; k < batch.length; k++) {
          const i = batch[k] as number
          const r = reply.out[k]
          if (typeof r === 'string') done(i, `sha256:${r}`)
          else return failed(i, faultError(r))
        }
        feed(s)
      })
      worker.on('error', () => lose(s))
      worker.on('exit', () => {
        live--
        lose(s)
      })
      // Fed once running: until then the main thread takes every batch, so a worker slow to
      // start (a busy machine) never holds work the main thread could have done.
      worker.on('online', () => feed(s))
    }
    void runMain()
  })
}

/** The worker's report as the Error fs would have thrown on the main thread. */
function faultError(f: WorkerFault | undefined): Error {
  const e = new Error(f?.message ?? 'no reply for this file')
  return f?.code ? Object.assign(e, { code: f.code }) : e
}
