/**
 * Streams `docker save <ref>` through a tar parser, one entry at a time, without writing it to
 * disk or holding it in memory. A visitor may stop the walk early (the process is then killed).
 */
import tar from 'tar-stream'
import type { Header } from 'tar-stream'
import { DockerError, commandError, type DockerExec } from './exec.js'

/** Reads one tar entry; must consume `body` or leave it (the walker drains what is left). */
export type TarEntryHandler = (header: Header, body: AsyncIterable<Buffer>) => Promise<void>

/**
 * A tar parser fed chunk by chunk (so the feeder can hash the same bytes), handing entries
 * to `onEntry` one at a time. A malformed stream ends the walk with `failed` set, not a throw.
 */
export class TarWalker {
  private readonly extract = tar.extract()
  private readonly done: Promise<void>
  failed: Error | null = null

  constructor(onEntry: TarEntryHandler) {
    this.done = (async () => {
      try {
        for await (const entry of this.extract) {
          await onEntry(entry.header, entry as unknown as AsyncIterable<Buffer>)
          // tar-stream's iterator never settles once destroyed mid-entry: leave by hand.
          if (this.extract.destroyed) break
          entry.resume()
        }
      } catch (e) {
        this.failed = e instanceof Error ? e : new Error(String(e))
      }
    })()
  }

  get stopped(): boolean {
    return this.failed !== null || this.extract.destroyed
  }

  async write(chunk: Buffer): Promise<void> {
    if (this.stopped) return
    if (this.extract.write(chunk)) return
    await new Promise<void>(resolve => {
      const finish = (): void => {
        this.extract.off('drain', finish)
        this.extract.off('close', finish)
        resolve()
      }
      this.extract.on('drain', finish)
      this.extract.on('close', finish)
    })
  }

  /** Ends the input and waits for the last entry; returns the parse error, if any. */
  async end(): Promise<Error | null> {
    if (!this.stopped) this.extract.end(null)
    await this.done
    return this.failed
  }

  /** Stops parsing; later writes are ignored. */
  stop(): void {
    this.extract.destroy(null)
  }
}

/** Returns true to stop the walk (e.g. everything wanted was found). */
export type SaveVisitor = (
  name: string,
  size: number,
  body: AsyncIterable<Buffer>
) => Promise<boolean>

/**
 * Visits every entry of `docker save <ref>` in stream order. Throws a DockerError when the save
 * fails (unknown image, daemon gone) unless the visitor stopped the walk first.
 */
export async function walkImageSave(
  exec: DockerExec,
  ref: string,
  visit: SaveVisitor
): Promise<void> {
  const abort = new AbortController()
  let stoppedByVisitor = false
  const walker = new TarWalker(async (header, body) => {
    if (stoppedByVisitor) return
    const name = header.name.replace(/^\.\//, '')
    if (await visit(name, header.size ?? 0, body)) {
      stoppedByVisitor = true
      walker.stop()
      abort.abort()
    }
  })
  const args = ['save', ref]
  const result = await exec(args, {
    signal: abort.signal,
    maxCapture: 64 * 1024,
    onStdout: chunk => walker.write(chunk)
  })
  const parseError = await walker.end()
  if (stoppedByVisitor) return
  if (result.code !== 0) throw commandError(args, result)
  if (parseError)
    throw new DockerError(`docker save ${ref}: unreadable output: ${parseError.message}`)
}
