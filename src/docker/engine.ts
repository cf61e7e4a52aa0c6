/**
 * Read-only docker calls (and `docker tag`, which only names an image) answered by the Docker
 * Engine API over the daemon's unix socket instead of by spawning the Go client: each client
 * spawn costs tens of milliseconds of CPU before it sends its one request, and a guarded build
 * makes several (ONBUILD triggers, two build-cache listings, image inspect and history for the
 * proof, the tag of an early build it keeps).
 *
 * Only where the socket is provably the daemon the client would talk to: DOCKER_HOST is a
 * `unix://` path (or unset, with no docker context chosen, which means the default socket), no
 * DOCKER_CONTEXT, and the client is a native executable (a script in its place may do anything,
 * so it gets every call). TLS, ssh and tcp hosts keep the client. Every other argv, and any call
 * whose socket cannot be reached, goes to the client as before, so errors read as docker's own.
 * FRESH_BUILD_ENGINE_API=0 turns it off.
 */
import { request } from 'node:http'
import { open, readFile } from 'node:fs/promises'
import { isAbsolute, join } from 'node:path'
import {
  commandLabel,
  DockerError,
  dockerExec,
  dockerTimeoutMs,
  seconds,
  type DockerClient,
  type DockerExec,
  type ExecOptions,
  type ExecResult
} from './exec.js'
import { BUILD_CACHE_ARGV } from './buildcache.js'
import { clientConfigDir, locateClient } from './client-files.js'

/** Binds a client: read-only calls the API can answer go over the socket, the rest spawn it. */
export function daemonExec(client: DockerClient): DockerExec {
  const spawnClient = dockerExec(client)
  const idle = dockerTimeoutMs(client.env)
  let socket: Promise<string | null> | null = null
  return async (args, opts = {}) => {
    const call = engineCall(args)
    if (call === null || !plainOptions(opts)) return spawnClient(args, opts)
    socket ??= engineSocket(client).catch(() => null)
    const path = await socket
    if (path === null) return spawnClient(args, opts)
    const res = await engineGet(path, call.path, {
      method: call.method ?? 'GET',
      label: commandLabel(args),
      idleTimeoutMs: opts.idleTimeoutMs ?? idle,
      timeoutMs: opts.timeoutMs,
      signal: opts.signal,
      maxBytes: opts.maxCapture ?? 16 * 1024 * 1024
    })
    if (res === 'unreachable') {
      // The client says why in its own words (and may know a way we do not).
      socket = Promise.resolve(null)
      return spawnClient(args, opts)
    }
    return answer(call, res)
  }
}

/** Options the API path honours as the client would; anything else spawns the client. */
function plainOptions(opts: ExecOptions): boolean {
  if (opts.onStdout || opts.onLine || opts.input !== undefined || opts.cwd !== undefined) {
    return false
  }
  const env = opts.env ?? {}
  return !['DOCKER_HOST', 'DOCKER_CONTEXT', 'DOCKER_CONFIG'].some(k => Object.hasOwn(env, k))
}

/** One API request standing for a client argv, and how the client would print its answer. */
export interface EngineCall {
  path: string
  /** GET unless told: `docker tag` is the one POST (it writes a name, never a file). */
  method?: 'POST'
  /** stdout as the client prints it for a 2xx body; with `method: 'POST'` the body is empty. */
  render: (body: unknown) => string
}

/**
 * `docker tag SOURCE TARGET` as the client sends it: POST /images/SOURCE/tag with the target's
 * repository and tag (`latest` when it names none). A digest target goes to the client, which
 * refuses it in its own words; the daemon validates the names and answers 201.
 */
function tagCall(source: string, target: string): EngineCall | null {
  if (!REF.test(source) || !REF.test(target) || target.includes('@')) return null
  const colon = target.lastIndexOf(':')
  const named = colon > target.lastIndexOf('/')
  const repo = named ? target.slice(0, colon) : target
  const tag = named ? target.slice(colon + 1) : 'latest'
  const query = `repo=${encodeURIComponent(repo)}&tag=${encodeURIComponent(tag)}`
  return { path: `/images/${source}/tag?${query}`, method: 'POST', render: () => '' }
}

/** Image references and ids the API path takes: reference grammar characters only. */
const REF = /^[A-Za-z0-9][A-Za-z0-9._\-/:@]*$/

/** Pure: the API request for a client argv the guard makes, or null (the client runs it). */
export function engineCall(args: readonly string[]): EngineCall | null {
  const key = args.slice(0, -1).join('\u0000')
  const ref = args.at(-1) ?? ''
  const image = (render: (img: Record<string, unknown>) => string): EngineCall | null =>
    REF.test(ref)
      ? { path: `/images/${ref}/json`, render: b => render(b as Record<string, unknown>) }
      : null
  switch (key) {
    case ['image', 'inspect', '--format', '{{json .}}'].join('\u0000'):
      return image(img => `${JSON.stringify(img)}\n`)
    case ['image', 'inspect', '--format', '{{json .Config.OnBuild}}'].join('\u0000'):
      return image(img => {
        const config = img.Config as Record<string, unknown> | null | undefined
        return `${JSON.stringify(config?.OnBuild ?? null)}\n`
      })
    case ['image', 'inspect', '--format', '{{.Id}}'].join('\u0000'):
      return image(img => `${String(img.Id ?? '')}\n`)
    case ['image', 'inspect', '--format', '{{len .RepoTags}}'].join('\u0000'):
      return image(img => `${Array.isArray(img.RepoTags) ? img.RepoTags.length : 0}\n`)
    case ['history', '--no-trunc', '--format', '{{json .}}'].join('\u0000'):
      return REF.test(ref) ? { path: `/images/${ref}/history`, render: renderHistory } : null
  }
  if (args.length === 3 && args[0] === 'tag') return tagCall(args[1] ?? '', ref)
  const whole = args.join('\u0000')
  if (whole === BUILD_CACHE_ARGV.join('\u0000')) {
    // `type` (API 1.42) spares newer daemons sizing images and volumes; older ones ignore it.
    return {
      path: '/system/df?type=build-cache',
      render: b => `${JSON.stringify((b as { BuildCache?: unknown }).BuildCache ?? null)}\n`
    }
  }
  if (whole === ['image', 'ls', '--all', '--quiet', '--no-trunc'].join('\u0000')) {
    return {
      path: '/images/json?all=1',
      render: b =>
        (Array.isArray(b) ? b : []).map(i => `${String((i as { Id?: unknown }).Id)}\n`).join('')
    }
  }
  return null
}

/**
 * `docker history --no-trunc --format '{{json .}}'`, newest first as the API lists it: the client
 * prints CreatedBy with tabs as spaces; Size here is the exact byte count (the client rounds it).
 */
function renderHistory(body: unknown): string {
  return (Array.isArray(body) ? body : [])
    .map(h => {
      const e = h as { CreatedBy?: unknown; Comment?: unknown; Size?: unknown }
      return `${JSON.stringify({
        CreatedBy: String(e.CreatedBy ?? '').replace(/\t/g, ' '),
        Comment: String(e.Comment ?? ''),
        Size: typeof e.Size === 'number' ? e.Size : 0
      })}\n`
    })
    .join('')
}

function answer(call: EngineCall, res: EngineResponse): ExecResult {
  const text = res.body.toString('utf8')
  const base = { truncated: res.truncated, aborted: res.aborted }
  if (res.aborted) return { ...base, code: 143, stdout: '', stderr: '' }
  if (res.status < 200 || res.status > 299) {
    let message = text.trim()
    try {
      const m = (JSON.parse(text) as { message?: unknown }).message
      if (typeof m === 'string') message = m
    } catch {
      // not JSON: the body as it came
    }
    return { ...base, code: 1, stdout: '', stderr: `Error response from daemon: ${message}\n` }
  }
  if (call.method === 'POST') return { ...base, code: 0, stdout: call.render(null), stderr: '' }
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return { ...base, code: 1, stdout: '', stderr: 'unreadable answer from the daemon\n' }
  }
  return { ...base, code: 0, stdout: call.render(value), stderr: '' }
}

/**
 * The unix socket the client would use, or null when the API path must not be taken (see the
 * module comment).
 */
export async function engineSocket(client: DockerClient): Promise<string | null> {
  const env = client.env
  if (env.FRESH_BUILD_ENGINE_API === '0') return null
  if (env.DOCKER_CONTEXT) return null
  let socket: string
  const host = env.DOCKER_HOST
  if (host) {
    if (!host.startsWith('unix://')) return null
    socket = host.slice('unix://'.length)
    if (!isAbsolute(socket)) return null
  } else {
    if (!(await defaultContext(env))) return null
    socket = '/var/run/docker.sock'
  }
  return (await nativeExecutable(client.bin, env)) ? socket : null
}

/** No docker context is chosen in the client's config (its `currentContext`). */
async function defaultContext(env: NodeJS.ProcessEnv): Promise<boolean> {
  const dir = clientConfigDir(env)
  let text: string
  try {
    text = await readFile(join(dir, 'config.json'), 'utf8')
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ENOENT'
  }
  try {
    const current = (JSON.parse(text) as { currentContext?: unknown }).currentContext
    return current === undefined || current === '' || current === 'default'
  } catch {
    return false
  }
}

/** The client binary (as PATH finds it) starts with the ELF magic: the docker CLI itself. */
async function nativeExecutable(bin: string, env: NodeJS.ProcessEnv): Promise<boolean> {
  const file = await locateClient(bin, env)
  const fh = file === null ? null : await open(file, 'r').catch(() => null)
  if (fh === null) return false
  try {
    const head = Buffer.alloc(4)
    const { bytesRead } = await fh.read(head, 0, 4, 0)
    return bytesRead === 4 && head.equals(Buffer.from([0x7f, 0x45, 0x4c, 0x46]))
  } finally {
    await fh.close()
  }
}

export interface EngineResponse {
  status: number
  body: Buffer
  truncated: boolean
  aborted: boolean
}

/**
 * GET (or POST, without a body) `path` on the daemon at `socket`. 'unreachable' when no connection could be made (the
 * caller lets the client try and report); a DockerError when it stopped answering, with the
 * same words the client wrapper uses.
 */
export function engineGet(
  socket: string,
  path: string,
  opts: {
    method?: 'GET' | 'POST'
    label: string
    idleTimeoutMs: number
    timeoutMs?: number | undefined
    signal?: AbortSignal | undefined
    maxBytes: number
  }
): Promise<EngineResponse | 'unreachable'> {
  return new Promise((done, fail) => {
    let settled = false
    let answered = false
    const settle = (f: () => void): void => {
      if (settled) return
      settled = true
      clearTimeout(total)
      opts.signal?.removeEventListener('abort', onAbort)
      f()
    }
    const req = request({
      socketPath: socket,
      path,
      method: opts.method ?? 'GET',
      headers: { Host: 'docker' }
    })
    const expire = (why: string): void => {
      req.destroy()
      settle(() => fail(new DockerError(why)))
    }
    const total =
      opts.timeoutMs !== undefined
        ? setTimeout(
            () => expire(`${opts.label} did not finish within ${seconds(opts.timeoutMs ?? 0)}`),
            opts.timeoutMs
          )
        : undefined
    const onAbort = (): void => {
      req.destroy()
      settle(() => done({ status: 0, body: Buffer.alloc(0), truncated: false, aborted: true }))
    }
    if (opts.signal?.aborted) return onAbort()
    opts.signal?.addEventListener('abort', onAbort, { once: true })
    if (Number.isFinite(opts.idleTimeoutMs)) {
      req.setTimeout(opts.idleTimeoutMs, () =>
        expire(`${opts.label} did not answer within ${seconds(opts.idleTimeoutMs)}`)
      )
    }
    req.on('error', e => {
      const code = (e as NodeJS.ErrnoException).code
      settle(() =>
        !answered && ['ENOENT', 'ECONNREFUSED', 'EACCES', 'EPERM', 'ENOTSOCK'].includes(code ?? '')
          ? done('unreachable')
          : fail(new DockerError(`${opts.label}: ${e.message}`))
      )
    })
    req.on('response', res => {
      answered = true
      const chunks: Buffer[] = []
      let size = 0
      let truncated = false
      res.on('data', (c: Buffer) => {
        size += c.length
        if (size > opts.maxBytes) truncated = true
        else chunks.push(c)
      })
      res.on('end', () =>
        settle(() =>
          done({
            status: res.statusCode ?? 0,
            body: Buffer.concat(chunks),
            truncated,
            aborted: false
          })
        )
      )
      res.on('error', e => settle(() => fail(new DockerError(`${opts.label}: ${e.message}`))))
    })
    req.end()
  })
}
