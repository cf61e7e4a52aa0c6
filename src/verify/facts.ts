/**
 * The plain data verify judges: what `docker container inspect` and `docker image inspect` say,
 * reduced to the fields the checks read. Parsing only; no docker call here.
 */
import { DockerError } from '../docker/index.js'
import { LABELS } from '../model.js'
import { canonical } from '../util/index.js'

export type MountType = 'volume' | 'bind' | 'tmpfs' | 'npipe' | 'cluster' | 'image'

export interface MountFacts {
  type: MountType | string
  /** The volume's name (anonymous volumes have a 64-hex one); null for binds and tmpfs. */
  name: string | null
  /** Host path of a bind or a volume's data; null for tmpfs. */
  source: string | null
  /** Absolute path in the container. */
  destination: string
  /** A volume nobody named: `VOLUME` in the Dockerfile or `-v /path`, kept across recreations. */
  anonymous: boolean
}

export interface ContainerFacts {
  id: string
  /** Without the leading `/`. */
  name: string
  /** The image id the container runs (`sha256:...`). */
  image: string
  /** The reference it was created from (`Config.Image`), e.g. `myapp:latest`. */
  startedFrom: string
  created: string
  status: string
  running: boolean
  restarting: boolean
  paused: boolean
  exitCode: number
  error: string
  /** When the current (or last) run started, ISO; and how often docker restarted it. */
  startedAt: string
  restartCount: number
  /** Health check status (`starting`, `healthy`, `unhealthy`), null without a health check. */
  health: string | null
  labels: Record<string, string>
  mounts: MountFacts[]
}

export interface ImageFacts {
  id: string
  created: string
  repoTags: string[]
  repoDigests: string[]
  /** Layer diffIds, base first. */
  diffIds: string[]
  /**
   * The image config that decides what a container runs (command, environment, user, ports,
   * volumes, health check, labels), without the labels every guarded build sets anew
   * (created, build id, revision): canonical JSON, so two builds of the same bytes compare equal.
   */
  runtimeConfig: string
}

/** Labels `fresh-build build` writes per build, which change the image id but not what runs. */
const PER_BUILD_LABELS = new Set<string>([LABELS.created, LABELS.buildId, LABELS.revision])

function runtimeConfig(config: Obj): string {
  const labels = Object.fromEntries(
    Object.entries(obj(config.Labels)).filter(([k]) => !PER_BUILD_LABELS.has(k))
  )
  const keys = [
    'Cmd',
    'Entrypoint',
    'Env',
    'WorkingDir',
    'User',
    'ExposedPorts',
    'Volumes',
    'StopSignal',
    'Healthcheck',
    'Shell',
    'OnBuild'
  ]
  return JSON.stringify(
    canonical({ ...Object.fromEntries(keys.map(k => [k, config[k] ?? null])), Labels: labels })
  )
}

type Obj = Record<string, unknown>
const obj = (v: unknown): Obj => (typeof v === 'object' && v !== null ? (v as Obj) : {})
const str = (v: unknown): string => (typeof v === 'string' ? v : '')
const strList = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []

function parseArray(text: string, command: string): unknown[] {
  try {
    const v = JSON.parse(text) as unknown
    return Array.isArray(v) ? v : [v]
  } catch {
    throw new DockerError(`${command}: unreadable output`)
  }
}

const ANONYMOUS = /^[0-9a-f]{64}$/

/** One entry of `docker container inspect` output (the array form). */
export function containerFacts(raw: unknown): ContainerFacts {
  const c = obj(raw)
  const state = obj(c.State)
  const config = obj(c.Config)
  const host = obj(c.HostConfig)
  const mounts: MountFacts[] = (Array.isArray(c.Mounts) ? c.Mounts : []).map(m => {
    const o = obj(m)
    const type = str(o.Type)
    const name = str(o.Name) || null
    return {
      type,
      name,
      source: str(o.Source) || null,
      destination: str(o.Destination),
      anonymous: type === 'volume' && name !== null && ANONYMOUS.test(name)
    }
  })
  // `--tmpfs` shows only in HostConfig.Tmpfs, never in Mounts.
  for (const dest of Object.keys(obj(host.Tmpfs))) {
    if (!mounts.some(m => m.destination === dest)) {
      mounts.push({ type: 'tmpfs', name: null, source: null, destination: dest, anonymous: false })
    }
  }
  const health = obj(state.Health)
  return {
    id: str(c.Id),
    name: str(c.Name).replace(/^\//, ''),
    image: str(c.Image),
    startedFrom: str(config.Image),
    created: str(c.Created),
    status: str(state.Status),
    running: state.Running === true,
    restarting: state.Restarting === true,
    paused: state.Paused === true,
    exitCode: typeof state.ExitCode === 'number' ? state.ExitCode : 0,
    error: str(state.Error),
    startedAt: str(state.StartedAt),
    restartCount: typeof c.RestartCount === 'number' ? c.RestartCount : 0,
    health: str(health.Status) || null,
    labels: Object.fromEntries(
      Object.entries(obj(config.Labels)).filter(
        (e): e is [string, string] => typeof e[1] === 'string'
      )
    ),
    mounts
  }
}

export function parseContainerInspect(text: string): ContainerFacts[] {
  return parseArray(text, 'docker inspect').map(containerFacts)
}

export function imageFacts(raw: unknown): ImageFacts {
  const i = obj(raw)
  return {
    id: str(i.Id),
    created: str(i.Created),
    repoTags: strList(i.RepoTags),
    repoDigests: strList(i.RepoDigests),
    diffIds: strList(obj(i.RootFS).Layers),
    runtimeConfig: runtimeConfig(obj(i.Config))
  }
}

export function parseImageInspectList(text: string): ImageFacts[] {
  return parseArray(text, 'docker image inspect').map(imageFacts)
}
