// One `parseLogFile` in a fresh process, as `fresh-build parse-log` runs it:
//   node scripts/bench/parse-log.mjs BUILD_DIR LOG
// Prints {"ms": N, "cpuMs": N, "steps": N}: wall and CPU (user + system) time of the parse alone,
// file reading included, node's start-up and module loading excluded. CPU time is printed beside
// wall time because on a shared machine the wall clock also counts other processes' turns.
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'

const [build, log] = process.argv.slice(2)
const { parseLogFile } = await import(pathToFileURL(join(build, 'logs/index.js')).href)
const cpu = process.cpuUsage()
const start = performance.now()
const parsed = await parseLogFile(log)
const ms = performance.now() - start
const used = process.cpuUsage(cpu)
const cpuMs = (used.user + used.system) / 1000
console.log(JSON.stringify({ ms, cpuMs, steps: parsed.steps.length }))
