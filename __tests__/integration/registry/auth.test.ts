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
})
