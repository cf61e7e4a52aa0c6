/**
 * The attack round of issue 13 against the bundled action (dist/index.js, run as the runner runs
 * it): workflow commands smuggled in file names in clear mode, compose files naming paths
 * outside the workspace, secrets that are JSON tokens, a GitHub API that never answers.
 */
import { afterAll, expect, test } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, symlinkSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { BASE_IMAGE, DOCKER, describeDocker } from '../../helpers/docker.js'
import { makeTree, removeTree } from '../../helpers/tree.js'
import { OUTPUT_NAMES } from '../../../src/action/inputs.js'
import { runAction, TOKEN } from './runner.js'

const RAND = randomBytes(5).toString('hex')
const trees: string[] = []
const home = mkdtempSync(join(tmpdir(), 'fb-act-attack-'))
trees.push(home)
afterAll(() => trees.forEach(removeTree))

function tree(spec: Parameters<typeof makeTree>[0]): string {
  const t = makeTree(spec)
  trees.push(t)
  return t
}

describeDocker('action attacks (issue 13)', () => {
  // 5. Clear mode prints the paths it removes: a folder name must not become a command.
  test('clear: folder names carrying ::warning / ::add-mask:: stay text', async () => {
    const root = tree({ 'ws/Dockerfile': `FROM ${BASE_IMAGE}\n` })
    const ws = join(root, 'ws')
    const evil = [
      'w\n::warning title=pwned::owned by a folder name',
      'm\n::add-mask::removing',
      'e\n::error::forged'
    ]
    const paths: string[] = []
    evil.forEach((name, i) => {
      mkdirSync(join(ws, name, 'cache'), { recursive: true })
      // A committed symlink leads to the folder; the real path is what clear prints.
      symlinkSync(name, join(ws, `l${i}`))
      paths.push(`l${i}/cache`)
    })
    const run = await runAction({
      workspace: ws,
      home,
      inputs: {
        mode: 'clear',
        'clear-paths': paths.join('\n'),
        'state-file': join(root, 'none.json')
      }
    })
    expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: '' })
    // The names did reach the log, as text...
    expect(run.stdout).toContain('::warning title=pwned::owned by a folder name')
    // ...and the runner acts on none of them.
    const acted = run.commands.filter(c => !(c.command === 'add-mask' && c.message === TOKEN))
    expect(acted.filter(c => /pwned|removing|forged/.test(JSON.stringify(c)))).toEqual([])
    for (const name of evil) expect(existsSync(join(ws, name, 'cache'))).toBe(false)
  })

  test('clear: a clear-paths entry starting with # is refused, not skipped', async () => {
    const root = tree({ 'ws/Dockerfile': `FROM ${BASE_IMAGE}\n`, 'ws/#cache/x': 'x\n' })
    const run = await runAction({
      workspace: join(root, 'ws'),
      home,
      docker: join(root, 'no-docker'),
      inputs: { mode: 'clear', 'clear-paths': '#cache', 'state-file': join(root, 'none.json') }
    })
    expect(run.code).toBe(1)
    expect(run.commands.find(c => c.command === 'error')?.message).toMatch(
      /input clear-paths: "#cache" starts with #/
    )
    expect(existsSync(join(root, 'ws/#cache/x'))).toBe(true)
  })

  // 7. Every path a compose file names gets the workspace rule.
  test.each([
    ['build.context', (o: string) => `    build:\n      context: ${o}\n`],
    [
      'build.dockerfile',
      (o: string) => `    build:\n      context: .\n      dockerfile: ${o}/Dockerfile\n`
    ],
    [
      'a Dockerfile that is a host file',
      (o: string) => `    build:\n      context: .\n      dockerfile: ${o}/hostfile\n`
    ],
    ['env_file', (o: string) => `    env_file: ${o}/env\n    build: .\n`],
    [
      'build.additional_contexts',
      (o: string) =>
        `    build:\n      context: .\n      additional_contexts:\n        extra: ${o}\n`
    ],
    [
      'extends.file',
      (o: string) => `    extends:\n      file: ${o}/base.yml\n      service: app\n`
    ],
    ['a symlinked context', () => `    build:\n      context: ./link-out\n`]
  ])(
    'compose %s outside the workspace is refused before anything is read or built',
    async (_what, svc) => {
      const root = tree({
        'ws/Dockerfile': `FROM ${BASE_IMAGE}\nCOPY . /w\n`,
        'outside/Dockerfile': `FROM ${BASE_IMAGE}\nCOPY secret.txt /s\n`,
        'outside/secret.txt': `TOPSECRET-${RAND}\n`,
        'outside/hostfile': `HOSTWORD${RAND} and the rest of a host file\n`,
        'outside/env': `A=TOPSECRET-${RAND}\n`,
        'outside/base.yml': `services:\n  app:\n    build:\n      context: .\n`
      })
      const ws = join(root, 'ws')
      const outside = join(root, 'outside')
      symlinkSync(outside, join(ws, 'link-out'))
      const { writeFileSync } = await import('node:fs')
      writeFileSync(
        join(ws, 'compose.yml'),
        `name: fbatk${RAND}\nservices:\n  web:\n${svc(outside)}`
      )
      const run = await runAction({
        workspace: ws,
        home,
        inputs: {
          mode: 'build',
          'compose-file': 'compose.yml',
          'state-file': join(root, 'state.json')
        }
      })
      expect(run.code).toBe(1)
      expect(run.commands.find(c => c.command === 'error')?.message).toMatch(
        /is outside .*: refused/
      )
      const everything = run.stdout + run.stderr + JSON.stringify(run.outputs)
      expect(everything).not.toContain('TOPSECRET')
      expect(everything).not.toContain(`HOSTWORD${RAND}`)
      const images = spawnSync(DOCKER, ['image', 'ls', '--format', '{{.Repository}}'], {
        encoding: 'utf8'
      })
      expect(images.stdout).not.toContain(`fbatk${RAND}`)
    }
  )

  // 4. In the action too: a secret that is a letter of every word, and every output set.
  test('a secret build arg "e": the build passes and every output is set, report valid JSON', async () => {
    const root = tree({
      'ws/Dockerfile': `FROM ${BASE_IMAGE}\nARG TOKEN\nRUN echo "v=$TOKEN" > /v\nCOPY a /a\n`,
      'ws/a': 'a\n'
    })
    const tag = `fb-act-atk:${RAND}`
    try {
      const run = await runAction({
        workspace: join(root, 'ws'),
        home,
        inputs: {
          mode: 'build',
          tags: tag,
          'build-args': 'TOKEN=e',
          'secret-build-args': 'TOKEN',
          prune: 'never',
          'state-file': join(root, 'state.json')
        }
      })
      expect({ code: run.code, errors: run.commands.filter(c => c.command === 'error') }).toEqual({
        code: 0,
        errors: []
      })
      for (const name of OUTPUT_NAMES) expect(Object.keys(run.outputs)).toContain(name)
      expect(run.outputs.verdict).toBe('baseline')
      expect(run.outputs['context-hash']).toMatch(/^sha256:[0-9a-f]{64}$/)
      expect(run.outputs['image-id']).toMatch(/^sha256:[0-9a-f]{64}$/)
      expect((JSON.parse(run.outputs.report ?? '') as { verdict: string }).verdict).toBe('baseline')
    } finally {
      spawnSync(DOCKER, ['image', 'rm', '--force', tag], { stdio: 'ignore' })
    }
  })

  test('check: a log-file outside the workspace (through a symlink) is refused', async () => {
    const root = tree({ 'ws/Dockerfile': `FROM ${BASE_IMAGE}\n`, 'outside/build.log': '#1 DONE\n' })
    symlinkSync(join(root, 'outside/build.log'), join(root, 'ws/build.log'))
    const run = await runAction({
      workspace: join(root, 'ws'),
      home,
      inputs: { mode: 'check', 'log-file': 'build.log', 'state-file': join(root, 'state.json') }
    })
    expect(run.code).toBe(1)
    expect(run.commands.find(c => c.command === 'error')?.message).toMatch(
      /input log-file: "build.log" leads outside the workspace through a symlink/
    )
  })
})

describeDocker('a GitHub API that never answers', () => {
  test('build with commit-status: fails within its bound naming the API, no lock left', async () => {
    // Accepts the connection and the request, and never says a word.
    const held: import('node:http').ServerResponse[] = []
    const server: Server = createServer((_req, res) => void held.push(res))
    await new Promise<void>(done => server.listen(0, '127.0.0.1', done))
    const api = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    const root = tree({ 'ws/Dockerfile': `FROM ${BASE_IMAGE}\nCOPY a /a\n`, 'ws/a': 'a\n' })
    const stateDir = join(root, 'state')
    mkdirSync(stateDir)
    const started = Date.now()
    try {
      const run = await runAction({
        workspace: join(root, 'ws'),
        home,
        api,
        env: { FRESH_BUILD_API_TIMEOUT: '2' },
        inputs: {
          mode: 'build',
          'commit-status': 'true',
          'state-file': join(stateDir, 'rec.json')
        }
      })
      const took = Date.now() - started
      expect(run.code).toBe(1)
      expect(run.commands.find(c => c.command === 'error')?.message).toMatch(
        new RegExp(`the GitHub API \\(${api.replace(/\./g, '\\.')}\\) did not answer within 2s`)
      )
      // The pending status (before the build) and the error status: two bounded waits.
      expect(took).toBeLessThan(20_000)
      expect(readdirSync(stateDir).filter(n => n.endsWith('.lock'))).toEqual([])
    } finally {
      for (const r of held) r.destroy()
      server.closeAllConnections()
      await new Promise<void>(done => server.close(() => done()))
    }
  })
})
