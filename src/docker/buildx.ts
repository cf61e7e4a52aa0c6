/**
 * What the buildx builder in use is, read from `docker buildx inspect [NAME]`, and what a user
 * should know about it. The text format (no JSON in buildx before 0.13) as public outputs show
 * it (__tests__/fixtures/logs/reference/public-buildx-inspect-*): `Key: value` lines, the
 * builder's own first, then a `Nodes:` section.
 */
import type { DockerExec } from './exec.js'

export interface BuildxBuilder {
  name: string | null
  /** `docker`, `docker-container`, `kubernetes`, `remote`, ... */
  driver: string | null
  /** Each node's endpoint, in order. */
  endpoints: string[]
}

/** Parses `docker buildx inspect` text; unknown lines are ignored. */
export function parseBuildxInspect(text: string): BuildxBuilder {
  let name: string | null = null
  let driver: string | null = null
  const endpoints: string[] = []
  let inNodes = false
  for (const raw of text.split(/\r?\n/)) {
    if (/^Nodes:\s*$/.test(raw)) {
      inNodes = true
      continue
    }
    const m = /^([A-Za-z][A-Za-z ]*):\s*(.*)$/.exec(raw)
    if (!m) continue
    const [, key, value] = m as unknown as [string, string, string]
    if (!inNodes && key === 'Name') name = value.trim() || null
    else if (!inNodes && key === 'Driver') driver = value.trim() || null
    else if (inNodes && key === 'Endpoint') endpoints.push(value.trim())
  }
  return { name, driver, endpoints }
}

/** Drivers whose BuildKit (and so its cache) lives outside the docker daemon's image store. */
const OWN_BUILDKIT = new Set(['docker-container', 'kubernetes', 'remote'])

/** Warnings about a builder: where its cache lives and how long it lives. */
export function builderWarnings(b: BuildxBuilder): string[] {
  if (b.driver === null || !OWN_BUILDKIT.has(b.driver)) return []
  const name = b.name ?? 'the current builder'
  const out = [
    `buildx builder ${name} uses the ${b.driver} driver: its cache lives in its own BuildKit, which fresh-build prunes and whose image is loaded into the daemon (--load) to be proven`
  ]
  if (b.driver === 'docker-container') {
    out.push(
      `buildx builder ${name} is a docker-container builder as docker/setup-buildx-action creates it, removed after the job: each job starts with an empty cache, so only cache-from imports can serve old layers; keep a builder (or a self-hosted runner) to reuse the cache between runs`
    )
  }
  return out
}

/** Asks buildx about the builder (`--builder` or the current one); no warnings when it cannot. */
export async function buildxWarnings(exec: DockerExec, builder: string | null): Promise<string[]> {
  const r = await exec(['buildx', 'inspect', ...(builder ? [builder] : [])]).catch(() => null)
  if (!r || r.code !== 0) return []
  return builderWarnings(parseBuildxInspect(r.stdout))
}
