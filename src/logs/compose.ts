import { SPACE } from './chars.js'
import { TTY_HEADER } from './tty.js'
import { SENDING_CONTEXT } from './legacy.js'

/** docker-compose v1 announces each service's build: `Building web`. */
export const COMPOSE_BUILDING = 'Building '

/** Lines after the header within which a build must start for the header to count. */
const HEADER_WAIT = 8

/** The first line of a build, in any format, that may follow the header. */
const BUILD_STARTS = ['Step 1/', 'Step 1 :', '#0 ', '#1 ', TTY_HEADER, SENDING_CONTEXT]

/** compose v1 prints warnings such as `DEPRECATED: The legacy builder is deprecated` first. */
const DEPRECATED = 'DEPRECATED:'

function isServiceName(name: string): boolean {
  return name.length > 0 && name.length <= 128 && /^[A-Za-z0-9][\w.-]*$/.test(name)
}

/**
 * docker-compose v1 prints `Building <service>` and then that service's unprefixed build output,
 * vertex numbers restarting at #1. The header counts only when a build starts right after it, so
 * a RUN that prints "Building app" in a legacy log cannot rename services.
 */
export class ComposeHeader {
  /** The service whose build output follows, once confirmed. */
  building: string | null = null
  private pending: { name: string; wait: number } | null = null

  /** A header is waiting for its build to start: every line must be shown to confirm(). */
  get waiting(): boolean {
    return this.pending !== null
  }

  /** Reads a `Building <service>` line; false when the line is not one. */
  header(line: string): boolean {
    if (!line.startsWith(COMPOSE_BUILDING)) return false
    const name = line.slice(COMPOSE_BUILDING.length).trimEnd()
    if (isServiceName(name)) this.pending = { name, wait: HEADER_WAIT }
    return true
  }

  /** Confirms or drops a waiting header by the line after it. */
  confirm(line: string): void {
    const p = this.pending
    if (p === null) return
    const t = line.trimEnd()
    if (BUILD_STARTS.some(s => t.startsWith(s))) {
      this.building = p.name
      this.pending = null
    } else if (t !== '' && !t.startsWith(DEPRECATED) && t.charCodeAt(0) !== SPACE) {
      this.pending = null
    } else if (--p.wait <= 0) {
      this.pending = null
    }
  }
}
