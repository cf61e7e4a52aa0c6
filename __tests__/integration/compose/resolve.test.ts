/**
 * The host's compose and the built-in reader resolve the same services: every fixture of
 * __tests__/fixtures/compose under each of its environments gives identical contexts,
 * Dockerfiles, args, targets, images and cache sources through `docker-compose config` (1.29
 * here; `docker compose config --format json` where the v2 plugin is installed) and through
 * src/compose/read.ts. Then what happens when compose's answer cannot or must not be used.
 */
import { afterAll, describe, expect, test } from '@jest/globals'
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { detectCompose, type ComposeTool } from '../../../src/compose/command.js'
import { ComposeError, readComposeProject } from '../../../src/compose/read.js'
import { resolveComposeProject } from '../../../src/compose/resolve.js'
import { testWhen } from '../../helpers/docker.js'
import { makeTree, removeTree } from '../../helpers/tree.js'

const FIXTURES = resolve('__tests__/fixtures/compose')
interface Case {
  dir: string
  env: Record<string, string>
  services?: string[]
}
const CASES = JSON.parse(readFileSync(join(FIXTURES, 'cases.json'), 'utf8')) as Case[]

/** Only what the case sets: a COMPOSE_* or TAG of the machine running the tests must not leak in. */
const envOf = (c: Case): NodeJS.ProcessEnv => ({
  PATH: process.env.PATH,
  HOME: process.env.HOME,
  ...c.env
})

const tool = await detectCompose({ env: envOf({ dir: '', env: {} }) })
const withCompose = testWhen(tool !== null, 'docker compose (v2) or docker-compose (v1)')

const trees: string[] = []
afterAll(() => trees.forEach(removeTree))

describe('compose config and the built-in reader agree on the fixtures', () => {
  test('every fixture has a case, and the cases cover the services asked for by name', () => {
    const dirs = new Set(CASES.map(c => c.dir))
    for (const d of ['forms', 'extends', 'profiles']) expect(dirs.has(d)).toBe(true)
    expect(CASES.some(c => c.services)).toBe(true)
  })

  for (const c of CASES) {
    withCompose(
      `${c.dir} with ${JSON.stringify(c.env)}${c.services ? ` for ${c.services.join(', ')}` : ''}`,
      async () => {
        const file = join(FIXTURES, c.dir, 'docker-compose.yml')
        const opts = { env: envOf(c), ...(c.services ? { services: c.services } : {}) }
        const own = await readComposeProject(file, opts)
        const resolved = await resolveComposeProject(file, { ...opts, tool })
        expect(resolved.source).toBe('compose config')
        expect(resolved.notes).toEqual([])
        expect(resolved.project).toEqual(own)
        expect(own.services.length).toBeGreaterThan(0)
      },
      60000
    )
  }
})

describe('when compose cannot or must not decide', () => {
  /** A stand-in compose: a script printing `output` for `config` and exiting with `code`. */
  function fakeTool(output: string, code = 0, flavor: 'v1' | 'v2' = 'v1'): ComposeTool {
    const dir = makeTree({ 'out.txt': output })
    trees.push(dir)
    const cmd = join(dir, 'compose')
    writeFileSync(
      cmd,
      `#!/bin/sh\ncat '${join(dir, 'out.txt')}'\necho 'it broke' >&2\nexit ${code}\n`
    )
    chmodSync(cmd, 0o755)
    return { flavor, cmd, prefix: [], version: flavor === 'v1' ? '1.29.2' : '2.30.0' }
  }

  function project(): { file: string; dir: string } {
    const dir = makeTree({
      'docker-compose.yml':
        "services:\n  web:\n    build:\n      context: ./app\n      args:\n        A: '1'\n",
      'app/Dockerfile': 'FROM scratch\n'
    })
    trees.push(dir)
    return { file: join(dir, 'docker-compose.yml'), dir }
  }

  test('no compose on the host: the built-in reader, silently', async () => {
    const { file } = project()
    const r = await resolveComposeProject(file, { env: {}, tool: null })
    expect(r.source).toBe('built-in reader')
    expect(r.notes).toEqual([])
    expect(r.project.services.map(s => s.args)).toEqual([{ A: '1' }])
  })

  test('compose config fails: the built-in reader, with a note naming the failure', async () => {
    const { file } = project()
    const r = await resolveComposeProject(file, { env: {}, tool: fakeTool('', 3) })
    expect(r.source).toBe('built-in reader')
    expect(r.notes).toEqual([
      expect.stringMatching(/compose config: exit 3: it broke; using the built-in reader$/)
    ])
  })

  test('output that does not parse, or lacks the services: the built-in reader', async () => {
    const { file } = project()
    for (const out of ['{ not: [yaml', 'services: {}\n']) {
      const r = await resolveComposeProject(file, { env: {}, tool: fakeTool(out) })
      expect(r.source).toBe('built-in reader')
      expect(r.notes).toHaveLength(1)
    }
  })

  test('compose resolves otherwise (v2 JSON): its answer is used, and the difference noted', async () => {
    const { file, dir } = project()
    const out = JSON.stringify({
      name: 'proj',
      services: { web: { build: { context: join(dir, 'app'), args: { A: '2', UNSET: null } } } }
    })
    const r = await resolveComposeProject(file, { env: {}, tool: fakeTool(out, 0, 'v2') })
    expect(r.source).toBe('compose config')
    expect(r.project.name).toBe('proj')
    expect(r.project.services).toEqual([
      expect.objectContaining({
        name: 'web',
        context: join(dir, 'app'),
        dockerfile: join(dir, 'app', 'Dockerfile'),
        args: { A: '2' }
      })
    ])
    expect(r.notes).toEqual([
      expect.stringMatching(/differ on the project name, web\.args; using .*compose config$/)
    ])
  })

  test('a context compose resolves outside the root is refused, as the reader refuses it', async () => {
    const { file } = project()
    const out = 'services:\n  web:\n    build:\n      context: /etc\n'
    const e = await resolveComposeProject(file, {
      env: {},
      root: resolve(file, '..'),
      tool: fakeTool(out)
    }).catch((err: unknown) => err)
    expect(e).toBeInstanceOf(ComposeError)
    expect((e as Error).message).toMatch(
      /services\.web\.build\.context: \/etc is outside .*: refused$/
    )
  })

  test('a file the reader refuses never reaches compose', async () => {
    const { file, dir } = project()
    writeFileSync(file, 'services: [1, 2]\n')
    const marker = join(dir, 'ran')
    const t = fakeTool('')
    writeFileSync(t.cmd, `#!/bin/sh\ntouch '${marker}'\n`)
    await expect(resolveComposeProject(file, { env: {}, tool: t })).rejects.toThrow(ComposeError)
    expect(existsSync(marker)).toBe(false)
  })
})
