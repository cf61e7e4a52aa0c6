#!/usr/bin/env node
// Bundles the action (dist/index.js) and the CLI (dist/cli/index.js) with ncc. dist/ is committed
// and CI fails when it differs from this output, so the build must be deterministic: no source
// maps with absolute paths, no timestamps.
//
// Each bundle gets a licenses.txt naming every npm package whose code it holds, read from ncc's
// module statistics (ncc's own --license output lists only packages that ship a licence file).
import { execFileSync } from 'node:child_process'
import { chmodSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const ncc = 'node_modules/@vercel/ncc/dist/ncc/cli.js'
const targets = [
  { entry: 'src/action/index.ts', out: 'dist' },
  { entry: 'src/cli/index.ts', out: 'dist/cli' }
]

/** Package folders (`node_modules/a/node_modules/@s/b`) of every module in ncc's stats. */
function bundledPackages(stats) {
  const dirs = new Set()
  const visit = m => {
    const name = String(m.name ?? m.identifier ?? '')
    const at = name.lastIndexOf('node_modules/')
    if (at >= 0) {
      const rest = name.slice(at + 'node_modules/'.length).split('/')
      const pkg = rest[0].startsWith('@') ? rest.slice(0, 2).join('/') : rest[0]
      dirs.add(name.slice(name.indexOf('node_modules/'), at) + 'node_modules/' + pkg)
    }
    for (const child of m.modules ?? []) visit(child)
  }
  for (const m of stats.modules ?? []) visit(m)
  return [...dirs]
}

function licenceText(dir) {
  const file = readdirSync(dir)
    .filter(f => /^(licen[cs]e|copying)(\.(md|txt))?$/i.test(f))
    .sort()[0]
  return file ? readFileSync(join(dir, file), 'utf8').trim() : null
}

function licencesFile(dirs) {
  const entries = dirs
    .map(dir => {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'))
      return { id: `${pkg.name}@${pkg.version}`, licence: pkg.license ?? 'UNKNOWN', dir }
    })
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  const seen = new Set()
  const parts = []
  for (const e of entries) {
    if (seen.has(e.id)) continue
    seen.add(e.id)
    const text = licenceText(e.dir)
    parts.push(
      `${e.id}\n${e.licence}\n${text ?? `(the package ships no licence file; its package.json says ${e.licence})`}`
    )
  }
  return `Packages bundled into this file's index.js, with their licences (${parts.length}).\n\n${parts.join('\n\n')}\n`
}

rmSync('dist', { recursive: true, force: true })
const statsFile = join(tmpdir(), `fresh-build-ncc-stats-${process.pid}.json`)
for (const { entry, out } of targets) {
  execFileSync(process.execPath, [ncc, 'build', entry, '-o', out, '--stats-out', statsFile, '-q'], {
    stdio: 'inherit'
  })
  const dirs = bundledPackages(JSON.parse(readFileSync(statsFile, 'utf8')))
  for (const dir of dirs) if (!existsSync(join(dir, 'package.json'))) throw new Error(`no ${dir}`)
  writeFileSync(join(out, 'licenses.txt'), licencesFile(dirs))
  rmSync(statsFile, { force: true })
}
// The CLI is run directly as `fresh-build`: give it a shebang and make it executable.
const cli = 'dist/cli/index.js'
const body = readFileSync(cli, 'utf8')
if (!body.startsWith('#!')) writeFileSync(cli, `#!/usr/bin/env node\n${body}`)
chmodSync(cli, 0o755)
