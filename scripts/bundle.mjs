#!/usr/bin/env node
// Bundles the action (dist/index.js) and the CLI (dist/cli/index.js) with ncc. dist/ is committed
// and CI fails when it differs from this output, so the build must be deterministic: no source
// maps with absolute paths, no timestamps.
import { execFileSync } from 'node:child_process'
import { chmodSync, readFileSync, rmSync, writeFileSync } from 'node:fs'

const ncc = 'node_modules/@vercel/ncc/dist/ncc/cli.js'
const targets = [
  { entry: 'src/index.ts', out: 'dist' },
  { entry: 'src/cli.ts', out: 'dist/cli' }
]

rmSync('dist', { recursive: true, force: true })
for (const { entry, out } of targets) {
  execFileSync(
    process.execPath,
    [ncc, 'build', entry, '-o', out, '--license', 'licenses.txt', '-q'],
    {
      stdio: 'inherit'
    }
  )
}
// The CLI is run directly as `fresh-build`: give it a shebang and make it executable.
const cli = 'dist/cli/index.js'
const body = readFileSync(cli, 'utf8')
if (!body.startsWith('#!')) writeFileSync(cli, `#!/usr/bin/env node\n${body}`)
chmodSync(cli, 0o755)
