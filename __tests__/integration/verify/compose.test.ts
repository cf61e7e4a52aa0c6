/**
 * `fresh-build verify --compose-file` against containers docker-compose 1.29 (v1) started: the
 * deploy protocol's last step, after `fresh-build build --compose-file` and `docker-compose up`.
 */
import { afterAll, beforeAll, expect } from '@jest/globals'
import { existsSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import {
  BASE_IMAGE,
  DOCKER,
  describeDocker,
  LEGACY_DOCKER,
  testWhen
} from '../../helpers/docker.js'
import { makeTree } from '../../helpers/tree.js'
import { build, compose, COMPOSE, dk, Scratch, verify, type VerifyDoc } from './helpers.js'

const s = new Scratch()
afterAll(() => s.cleanup())
const testCompose = testWhen(existsSync(COMPOSE), 'docker-compose (v1)')

describeDocker('verify --compose-file (docker-compose v1)', () => {
  const { dir, name: project } = s.project('app')
  const file = join(dir, 'docker-compose.yml')
  let state = ''
  const guard = async (docker = DOCKER): Promise<void> => {
    const r = await build(['--compose-file', file, '--state', state], dir, docker)
    expect(Array.isArray(r)).toBe(true)
    for (const j of r as unknown as { imageId: string }[]) s.keep(j.imageId)
  }
  const check = (argv: string[] = []): ReturnType<typeof verify> =>
    verify(['--compose-file', file, '--state', state, ...argv], dir)
  const byService = (doc: VerifyDoc): Record<string, string[]> => {
    const out: Record<string, string[]> = {}
    for (const t of doc.targets) (out[t.service ?? '?'] ??= []).push(t.status)
    return out
  }

  beforeAll(() => {
    makeTree(
      {
        'docker-compose.yml': [
          'version: "3.8"',
          'services:',
          '  web:',
          '    build: ./web',
          '  assets:',
          '    build: ./assets',
          '    volumes:',
          '      - assets-data:/srv/static',
          '  cache:',
          `    image: ${BASE_IMAGE}`,
          '    command: ["sleep", "3600"]',
          'volumes:',
          '  assets-data: {}',
          ''
        ].join('\n'),
        // VOLUME: compose keeps this anonymous volume across recreations.
        'web/Dockerfile': `FROM ${BASE_IMAGE}\nWORKDIR /app\nCOPY . .\nVOLUME /app/static\nCMD ["sleep", "3600"]\n`,
        'web/server.js': `v1 ${s.prefix}\n`,
        'web/static/app.css': 'red\n',
        'assets/Dockerfile': `FROM ${BASE_IMAGE}\nCOPY static/ /srv/static/\nCMD ["sleep", "3600"]\n`,
        'assets/static/logo.svg': '<svg>v1</svg>\n'
      },
      dir
    )
    state = join(s.dir('state'), 'record.json')
  })

  testCompose(
    'up, a code change, a guarded build, no up: stale naming the service; after up: live',
    async () => {
      await guard()
      compose(dir, ['up', '-d'])
      const up = await check()
      // Every service with a build section, each of its containers; not `cache` (no build).
      expect(byService(up)).toEqual({ web: ['live'], assets: ['live'] })
      // compose v1 names: project_service_N, found by the labels.
      expect(up.targets.map(t => t.container).sort()).toEqual([
        `${project}_assets_1`,
        `${project}_web_1`
      ])

      writeFileSync(join(dir, 'web/server.js'), `v2 ${s.prefix}\n`)
      await guard()
      const noUp = await check()
      expect(noUp.verdict).toBe('stale')
      expect(byService(noUp)).toEqual({ web: ['old-image'], assets: ['live'] })
      const web = noUp.targets.find(t => t.service === 'web')
      expect(web?.hints[0]).toContain('docker compose up -d --force-recreate web')
      expect(noUp.stderr).toMatch(/web\s+old-image/)

      compose(dir, ['up', '-d'])
      const after = await check()
      expect(after.verdict).toBe('live')
      expect(byService(after)).toEqual({ web: ['live'], assets: ['live'] })
    },
    180_000
  )

  testCompose(
    'an anonymous and a named volume with old files over COPY destinations: shadowed; --renew-anon-volumes: live',
    async () => {
      // docker-compose 1.29 carries a Dockerfile VOLUME's anonymous volume over to the recreated
      // container only when the old container's image lists it under ContainerConfig, which the
      // legacy builder writes and BuildKit does not (measured here): these builds use the legacy one.
      await guard(LEGACY_DOCKER)
      compose(dir, ['up', '-d'])
      const mountsOf = (): string =>
        dk(['inspect', '--format', '{{range .Mounts}}{{.Name}} {{end}}', `${project}_web_1`])
      const before = mountsOf()
      writeFileSync(join(dir, 'web/static/app.css'), 'blue\n')
      writeFileSync(join(dir, 'assets/static/logo.svg'), '<svg>v2</svg>\n')
      await guard(LEGACY_DOCKER)
      compose(dir, ['up', '-d'])
      // The same anonymous volume, now under a container of the new image.
      expect(mountsOf()).toBe(before)
      const doc = await check()
      expect(byService(doc)).toEqual({ web: ['shadowed'], assets: ['shadowed'] })
      const web = doc.targets.find(t => t.service === 'web')
      expect(web?.mounts).toEqual([
        expect.objectContaining({
          destination: '/app/static',
          anonymous: true,
          shadowing: true,
          covers: [expect.objectContaining({ dest: '/app' })]
        })
      ])
      expect(web?.hints.join('\n')).toContain('--renew-anon-volumes web')
      const assets = doc.targets.find(t => t.service === 'assets')
      expect(assets?.mounts[0]).toMatchObject({
        type: 'volume',
        name: `${project}_assets-data`,
        anonymous: false,
        shadowing: true
      })
      expect(assets?.files[0]).toMatchObject({ path: '/srv/static/logo.svg', mount: '/srv/static' })
      expect(assets?.hints.join('\n')).not.toContain('--renew-anon-volumes')

      compose(dir, ['up', '-d', '--renew-anon-volumes', 'web'])
      const renewed = await check(['--service', 'web'])
      expect(byService(renewed)).toEqual({ web: ['live'] })
    },
    180_000
  )

  testCompose(
    'a stopped service: not-running; a second container of a scaled service is checked too',
    async () => {
      compose(dir, ['up', '-d', '--scale', 'web=2', 'web'])
      const scaled = await check(['--service', 'web'])
      expect(scaled.targets.map(t => t.container)).toEqual([`${project}_web_1`, `${project}_web_2`])
      compose(dir, ['stop', '--timeout', '0', 'web'])
      const doc = await check(['--service', 'web'])
      expect(byService(doc)).toEqual({ web: ['not-running', 'not-running'] })
      expect(doc.targets[0]?.details[0]).toMatch(/exited with exit code/)
      expect(dk(['ps', '--all', '--quiet', '--filter', `name=${project}_web_1`])).not.toBe('')
    },
    120_000
  )
})
