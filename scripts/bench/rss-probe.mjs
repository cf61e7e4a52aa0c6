// Preloaded into a benchmarked node process (`node --import`): on exit, writes the process's
// peak resident set size in KiB to $FB_BENCH_RSS_OUT. Nothing else changes in the process.
import { writeFileSync } from 'node:fs'

const out = process.env.FB_BENCH_RSS_OUT
if (out) {
  process.on('exit', () => {
    writeFileSync(out, String(process.resourceUsage().maxRSS))
  })
}
