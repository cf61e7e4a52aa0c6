// The `fresh-build` CLI entry (ncc bundles it into dist/cli/index.js, package.json's bin): all
// logic lives in main.ts so tests can call it directly.
import { main } from './main.js'

main(process.argv.slice(2)).then(
  code => {
    process.exitCode = code
  },
  (e: unknown) => {
    process.stderr.write(`fresh-build: error: ${String(e)}\n`)
    process.exitCode = 2
  }
)
