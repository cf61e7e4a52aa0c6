// The `fresh-build` CLI entry: all logic lives in cli/main.ts so tests can call it directly.
import { main } from './cli/main.js'

main(process.argv.slice(2)).then(
  code => {
    process.exitCode = code
  },
  (e: unknown) => {
    process.stderr.write(`fresh-build: error: ${String(e)}\n`)
    process.exitCode = 2
  }
)
