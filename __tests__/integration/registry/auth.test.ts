/**
 * A registry with basic auth (scripts/registry.sh --htpasswd): credentials come from the Docker
 * config as `docker login` leaves it; without them, or with wrong ones, `--push` is one clear
 * line and exit 2 before anything is built, the record untouched; nothing secret is printed.
 */
import { afterAll, beforeAll, expect } from '@jest/globals'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runCli } from '../../helpers/cli.js'
import { BASE_IMAGE, describeDocker, testWhen } from '../../helpers/docker.js'
import { suiteEnv } from '../../helpers/env.js'
import {
  htpasswdLine,
  registryDigest,
  startRegistry,
  type TestRegistry
} from '../../helpers/registry.js'
import { Scratch } from '../guard/helpers.js'

const scratch = new Scratch()
const PASSWORD = `pw-${scratch.nonce}`
const line = htpasswdLine('ci', PASSWORD)
const withBcrypt = testWhen(line !== null, 'python3 with crypt (bcrypt) for the htpasswd file')
let registry: TestRegistry | null = null

function config(auth: string | null): string {
  const dir = mkdtempSync(join(tmpdir(), 'fb-reg-auth-'))
  writeFileSync(
    join(dir, 'config.json'),
    JSON.stringify(
      auth
        ? { auths: { [registry?.addr ?? '']: { auth: Buffer.from(auth).toString('base64') } } }
        : {}
    )
  )
  return dir
}

async function cli(
  argv: string[],
  dockerConfig: string
): Promise<{ code: number; stderr: string; stdout: string }> {
  return runCli([...argv, '--json'], { env: suiteEnv({ DOCKER_CONFIG: dockerConfig }) })
}

beforeAll(async () => {
  if (line === null) return
  const dir = mkdtempSync(join(tmpdir(), 'fb-reg-htpasswd-'))
  writeFileSync(join(dir, 'htpasswd'), `${line}\n`)
  registry = await startRegistry(['--htpasswd', join(dir, 'htpasswd')])
}, 60_000)
afterAll(() => {
  registry?.stop()
  scratch.cleanup()
})

describeDocker('registry: credentials from the Docker config', () => {
  withBcrypt(
    "no credentials, wrong ones, then docker login's: unauthorised twice, then pushed",
    async () => {
      const addr = (registry as TestRegistry).addr
      const ctx = scratch.tree({
        Dockerfile: `FROM ${BASE_IMAGE}\nCOPY app.txt /app.txt\n`,
        'app.txt': 'v1\n'
      })
      const state = scratch.statePath()
      const tag = `${addr}/private/app:main`
      const argv = [
        'build',
        '--context',
        ctx,
        '--state',
        state,
        '--docker',
        '/usr/bin/docker',
        '--tag',
        tag,
        '--push'
      ]

      const anonymous = await cli(argv, config(null))
      expect(anonymous.code).toBe(2)
      expect(anonymous.stderr).toContain(`fresh-build: error: registry ${addr}: unauthorised`)
      expect(anonymous.stderr).toContain(`docker login ${addr}`)
      expect(anonymous.stderr).not.toMatch(/building /)

      const wrong = await cli(argv, config('ci:not-the-password'))
      expect(wrong.code).toBe(2)
      expect(wrong.stderr).toMatch(
        new RegExp(`registry ${addr.replace(/\./g, '\\.')}: unauthorised .*refused`)
      )
      expect(() => readFileSync(state)).toThrow()

      const good = await cli(argv, config(`ci:${PASSWORD}`))
      expect(good.stderr).not.toContain(PASSWORD)
      expect(good.stdout).not.toContain(PASSWORD)
      expect(good.code).toBe(0)
      const digest = (JSON.parse(good.stdout) as { digest: string }).digest
      expect(await registryDigest(addr, 'private/app', 'main', `ci:${PASSWORD}`)).toBe(digest)
      expect(readFileSync(state, 'utf8')).not.toContain(PASSWORD)
      // The record went beside it through the same credentials.
      expect(
        await registryDigest(
          addr,
          'private/app',
          `sha256-${digest.slice(7)}.fresh-build`,
          `ci:${PASSWORD}`
        )
      ).toMatch(/^sha256:/)
    }
  )

  withBcrypt(
    'verify --image TAG on the deploy host: the tag is resolved with the credentials, never shown',
    async () => {
      const addr = (registry as TestRegistry).addr
      const tag = `${addr}/private/app:main`
      const pushed = await registryDigest(addr, 'private/app', 'main', `ci:${PASSWORD}`)
      expect(pushed).toMatch(/^sha256:/)
      const argv = ['verify', '--container', `fb-none-${scratch.nonce}`, '--image', tag]

      const anonymous = await cli(argv, config(null))
      expect(anonymous.code).toBe(2)
      const errors = anonymous.stderr.split('\n').filter(l => l.startsWith('fresh-build: error: '))
      expect(errors).toEqual([
        expect.stringContaining(`registry ${addr}: unauthorised for private/app`)
      ])
      const wrong = await cli(argv, config('ci:not-the-password'))
      expect(wrong.code).toBe(2)
      expect(wrong.stderr).toContain('refused')

      // With docker login's credentials the tag resolves; no such container: not-running.
      const good = await cli(argv, config(`ci:${PASSWORD}`))
      expect(good.code).toBe(1)
      const doc = JSON.parse(good.stdout) as {
        notes: string[]
        targets: { status: string; expectedImage: string }[]
      }
      expect(doc.notes).toContain(`${tag} resolved in the registry to ${pushed ?? ''}`)
      expect(doc.targets[0]).toMatchObject({
        status: 'not-running',
        expectedImage: `${addr}/private/app@${pushed ?? ''}`
      })
      expect(good.stderr + good.stdout).not.toContain(PASSWORD)
    }
  )
})
