// One stat-cached hash in a fresh process, as `fresh-build build` does it before building:
//   node scripts/bench/hash-warm.mjs BUILD_DIR CONTEXT DOCKERFILE CACHE_FILE
// Prints {"ms": N, "hits": N, "misses": N}: the time of hashContext alone (JIT cold, like the
// CLI), without node's start-up.
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'

const [build, context, file, statCache] = process.argv.slice(2)
const { hashContext } = await import(pathToFileURL(join(build, 'pipeline/hash.js')).href)
const start = performance.now()
const h = await hashContext({ context, file, buildArgs: {}, statCache })
const ms = performance.now() - start
console.log(JSON.stringify({ ms, hits: h.statCache?.hits ?? 0, misses: h.statCache?.misses ?? 0 }))
