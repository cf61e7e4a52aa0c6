/**
 * `--compose-file F [--service S]...`: one GuardOptions per service that compose builds, so each
 * service is hashed, built (or checked), judged and recorded like a single `docker build`.
 *
 * Per service, from the compose file as the host's compose resolves it (`docker compose config`
 * or `docker-compose config`; the built-in reader when neither runs, see compose/resolve.ts):
 * context, Dockerfile, target (else `--target`), build args (the service's, overridden by
 * `--build-arg`), cache sources (the service's, then
 * `--cache-from`), and the image: the service's `image:`, else the name compose gives the build
 * (`project_service` for docker-compose v1, `project-service` for v2; which compose is decided by
 * `deps.flavor`, else by asking the host, else v2, the current one). That image is the tag in
 * build mode and the image whose layers are read in check mode. `--tag`, `--image`, `--context`
 * and `--file` do not apply per service and are not used.
 *
 * Records: `--state P` becomes one file per service (`P.json` -> `P.<service>.json`, other names
 * get `.<service>.json` appended). Without `--state`, the default per-build path already differs
 * per service unless two services build the same context, Dockerfile and target; those get the
 * default path with the service name added, so their records never overwrite each other.
 *
 * BUILDKIT_INLINE_CACHE among a service's args passes through, so the usual warning names it.
 */
import type { ComposeCli } from './request.js'
import {
  defaultImageName,
  detectCompose,
  resolveComposeProject,
  type ComposeFlavor,
  type ComposeService,
  type ComposeTool
} from '../compose/index.js'
import { defaultStatePath } from '../record/index.js'
import type { GuardOptions } from './options.js'

export interface ComposeGuardDeps {
  /** Which compose names the images; default: detected on the host (v2 when none is found). */
  flavor?: ComposeFlavor
  /** The compose whose `config` resolves the file; null: the built-in reader only. */
  tool?: ComposeTool | null
  /** Where a line goes when compose's resolution was not used or differed. */
  progress?: (line: string) => void
}

export interface ServiceGuard {
  service: string
  options: GuardOptions
}

/** The guard options for each service of the compose file (see the module comment). */
export async function composeGuardOptions(
  compose: ComposeCli,
  base: GuardOptions,
  env: NodeJS.ProcessEnv,
  deps: ComposeGuardDeps = {}
): Promise<ServiceGuard[]> {
  // The workspace root the action contains compose paths in, where the request carries one.
  const root = (compose as { root?: unknown }).root
  const resolved = await resolveComposeProject(compose.file, {
    env,
    services: compose.services,
    docker: base.docker,
    ...(typeof root === 'string' ? { root } : {}),
    ...(deps.tool !== undefined ? { tool: deps.tool } : {})
  })
  for (const note of resolved.notes) deps.progress?.(note)
  const project = resolved.project
  let flavor = deps.flavor ?? resolved.tool?.flavor ?? null
  if (flavor === null && project.services.some(s => s.image === null)) {
    flavor = (await detectCompose({ docker: base.docker, env }))?.flavor ?? 'v2'
  }
  const shared = sharedBuilds(project.services, base.target)
  return project.services.map(svc => {
    const target = svc.target ?? base.target
    const tag = svc.image ?? defaultImageName(project.name, svc.name, flavor ?? 'v2')
    let state: string | null = null
    if (base.state !== null) state = perServiceState(base.state, svc.name)
    else if (shared.has(buildKey(svc, base.target))) {
      state = perServiceState(
        defaultStatePath({
          context: svc.context,
          file: svc.dockerfile,
          target: target ?? undefined,
          env
        }),
        svc.name
      )
    }
    const options: GuardOptions = {
      ...base,
      context: svc.context,
      file: svc.dockerfile,
      state,
      tags: [tag],
      buildArgs: { ...svc.args, ...base.buildArgs },
      secretArgs: [...base.secretArgs],
      cacheFrom: [...new Set([...svc.cacheFrom, ...base.cacheFrom])],
      target,
      image: tag
    }
    return { service: svc.name, options }
  })
}

/** `state.json` -> `state.web.json`; `state` -> `state.web.json`. */
export function perServiceState(path: string, service: string): string {
  const safe = service.replace(/[^A-Za-z0-9._-]+/g, '-')
  return path.endsWith('.json') ? `${path.slice(0, -5)}.${safe}.json` : `${path}.${safe}.json`
}

function buildKey(svc: ComposeService, fallbackTarget: string | null): string {
  return `${svc.context}\0${svc.dockerfile}\0${svc.target ?? fallbackTarget ?? ''}`
}

/** Build keys used by more than one service (their default records would collide). */
function sharedBuilds(services: readonly ComposeService[], target: string | null): Set<string> {
  const seen = new Set<string>()
  const shared = new Set<string>()
  for (const s of services) {
    const k = buildKey(s, target)
    if (seen.has(k)) shared.add(k)
    seen.add(k)
  }
  return shared
}
