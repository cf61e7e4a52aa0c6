/**
 * The digest worker's whole program. It is serialised with `toString()` and started with
 * `new Worker(source, { eval: true })`, so it reaches the bundle as text that ncc, tsc and
 * ts-jest all leave runnable (ncc does not follow `new Worker(new URL(...))` into a chunk). Hence
 * the rules for its body: no imports, no closure over module scope, only its parameters and
 * globals. A batch is a list of paths (strings, or bytes for names that are not UTF-8); the reply
 * is one hex digest or one error per path, in order.
 */
export interface DigestBatch {
  id: number
  paths: (string | Uint8Array)[]
}

/** A file the worker could not read: what an fs error carries, so the caller words it as today. */
export interface WorkerFault {
  code: string | null
  message: string
}

export interface DigestReply {
  id: number
  out: (string | WorkerFault)[]
}

export interface DigestWorkerData {
  bufferSize: number
  flags: number
}

export function digestWorkerMain(
  wt: typeof import('node:worker_threads'),
  fs: typeof import('node:fs'),
  crypto: typeof import('node:crypto')
): void {
  const port = wt.parentPort
  if (port === null) return
  const data = wt.workerData as DigestWorkerData
  // One buffer for every file: reads are synchronous, so a worker has one read at a time, and a
  // big buffer means few syscalls per large file.
  const buf = Buffer.allocUnsafe(data.bufferSize)
  port.on('message', (batch: DigestBatch) => {
    const out: (string | WorkerFault)[] = []
    for (const p of batch.paths) {
      const path = typeof p === 'string' ? p : Buffer.from(p.buffer, p.byteOffset, p.byteLength)
      let fd = -1
      try {
        fd = fs.openSync(path, data.flags)
        const h = crypto.createHash('sha256')
        for (;;) {
          const n = fs.readSync(fd, buf, 0, buf.length, null)
          if (n === 0) break
          h.update(buf.subarray(0, n))
        }
        out.push(h.digest('hex'))
      } catch (e) {
        const err = e as { code?: unknown; message?: unknown } | null
        out.push({
          code: typeof err?.code === 'string' ? err.code : null,
          message: String(err?.message ?? e)
        })
      } finally {
        if (fd >= 0) fs.closeSync(fd)
      }
    }
    port.postMessage({ id: batch.id, out } satisfies DigestReply)
  })
}

/** The source a Worker runs with `eval: true` (CommonJS scope there: `require` is defined). */
export function digestWorkerSource(): string {
  return `(${digestWorkerMain.toString()})(require('node:worker_threads'), require('node:fs'), require('node:crypto'))`
}
