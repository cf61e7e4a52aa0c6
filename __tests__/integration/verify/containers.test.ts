/**
 * `fresh-build verify --container` on the real daemon: every cause, found by reading the
 * running containers (inspect and `docker cp` out), and `live` once the deploy is right.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { copyFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { BASE_IMAGE, describeDocker } from '../../helpers/docker.js'
import { makeTree } from '../../helpers/tree.js'
import { build, cli, dk, Scratch, verify } from './helpers.js'

const s = new Scratch()
afterAll(() => s.cleanup())

describeDocker('verify --container', () => {
  let ctx = ''
  let state = ''
  let tag = ''
  let first = ''
  let second = ''

  beforeAll(async () => {
    ctx = makeTree(
      {
        Dockerfile: [
          `FROM ${BASE_IMAGE}`,
          'WORKDIR /app',
          'COPY . .',
          // A file a later step rewrites: the image, not the context, holds what runs.
          'RUN echo generated > /app/version.txt',
          'CMD ["sleep", "3600"]',
          ''
        ].join('\n'),
        'server.js': `console.log("v1 ${s.prefix}")\n`,
        'static/app.css': 'body { color: red }\n',
        'version.txt': 'from the context\n'
      },
      s.dir('ctx')
    )
    state = join(s.dir('state'), 'record.json')
    tag = s.tag('app')
    first = s.keep((await build(['--context', ctx, '--tag', tag, '--state', state])).imageId)
  })

  test('a container of the recorded build: live, a file a later RUN rewrote is not compared', async () => {
    const c = s.name('live')
    s.run(c, tag)
    const doc = await verify(['--container', c, '--state', state])
    expect(doc.verdict).toBe('live')
    const t = doc.targets[0]
    expect(t).toMatchObject({ container: c, service: null, status: 'live', image: first })
    expect(t?.expectedImage).toBe(first)
    // Every file of the baseline is compared, and version.txt (rewritten by RUN) is set aside.
    expect(t?.compared).toBe(4)
    expect(t?.rewritten).toBe(1)
    expect(t?.files).toEqual([])
  })

  test('old-image after a guarded build, then live once recreated from the new image', async () => {
    const c = s.name('old')
    s.run(c, tag)
    writeFileSync(join(ctx, 'server.js'), `console.log("v2 ${s.prefix}")\n`)
    const built = await build(['--context', ctx, '--tag', tag, '--state', state])
    expect(built.verdict).toBe('fresh')
    second = s.keep(built.imageId)
    expect(second).not.toBe(first)

    const doc = await verify(['--container', c, '--state', state])
    expect(doc.verdict).toBe('stale')
    const t = doc.targets[0]
    expect(t).toMatchObject({
      container: c,
      status: 'old-image',
      image: first,
      expectedImage: second
    })
    expect(t?.startedFrom).toBe(tag)
    expect(t?.imageCreated).toBe(dk(['image', 'inspect', '--format', '{{.Created}}', first]))
    expect(t?.expectedCreated).toBe(dk(['image', 'inspect', '--format', '{{.Created}}', second]))
    expect(t?.details[0]).toContain(first)
    expect(t?.details[0]).toContain(second)
    expect(t?.hints[0]).toContain(tag)
    expect(doc.stderr).toContain('old-image')

    dk(['rm', '--force', c])
    s.run(c, tag)
    const after = await verify(['--container', c, '--state', state])
    expect(after.targets[0]).toMatchObject({ status: 'live', image: second })
    // Only the changed file is compared after a non-baseline build.
    expect(after.targets[0]?.compared).toBe(1)
  })

  test('a file changed with docker exec: bytes-differ, naming the file and its COPY', async () => {
    const c = s.name('exec')
    s.run(c, tag)
    dk(['exec', c, 'sh', '-c', 'echo tampered > /app/server.js'])
    const doc = await verify(['--container', c, '--state', state])
    const t = doc.targets[0]
    expect(t?.status).toBe('bytes-differ')
    expect(t?.files).toEqual([
      expect.objectContaining({ path: '/app/server.js', source: 'server.js', mount: null })
    ])
    expect(t?.hints.join('\n')).toContain('recreate')
  })

  test('a stopped container, a restarting one and none at all: not-running', async () => {
    const stopped = s.name('stopped')
    s.run(stopped, tag)
    dk(['stop', '--time', '0', stopped])
    const crashing = s.name('crash')
    s.run(crashing, tag, ['--restart', 'always'], ['sh', '-c', 'exit 3'])
    const missing = `${s.prefix}-never-created`
    const doc = await verify(['--container', stopped, '--container', missing, '--state', state])
    expect(doc.verdict).toBe('stale')
    expect(doc.targets.map(t => [t.container, t.status])).toEqual([
      [stopped, 'not-running'],
      [missing, 'not-running']
    ])
    expect(doc.targets[0]?.details[0]).toMatch(/exited with exit code 137/)
    expect(doc.targets[1]?.details[0]).toContain(`no container named ${missing}`)

    const crash = await verify(['--container', crashing, '--state', state])
    expect(crash.targets[0]?.status).toBe('not-running')
    expect(crash.targets[0]?.details[0]).toMatch(
      /restarting \(last exit code 3\)|restarted \d+ time\(s\)/
    )
  })

  test('a named volume and a tmpfs over COPY destinations: shadowed, naming mount and COPY', async () => {
    // The volume gets the first build's files: a container of the first image fills it.
    const vol = s.volume('static')
    const filler = s.name('filler')
    s.run(filler, first, ['-v', `${vol}:/app/static`])
    writeFileSync(join(ctx, 'static/app.css'), 'body { color: blue }\n')
    s.keep((await build(['--context', ctx, '--tag', tag, '--state', state])).imageId)

    const c = s.name('vol')
    s.run(c, tag, ['-v', `${vol}:/app/static`])
    const doc = await verify(['--container', c, '--state', state])
    const t = doc.targets[0]
    expect(t?.status).toBe('shadowed')
    const m = t?.mounts.find(x => x.destination === '/app/static')
    expect(m).toMatchObject({ type: 'volume', name: vol, anonymous: false, shadowing: true })
    expect(m?.covers).toEqual([expect.objectContaining({ line: 3, dest: '/app' })])
    expect(t?.files).toEqual([
      expect.objectContaining({ path: '/app/static/app.css', mount: '/app/static' })
    ])
    expect(t?.details.join('\n')).toContain(`volume ${vol} at /app/static`)

    const tmp = s.name('tmpfs')
    s.run(tmp, tag, ['--tmpfs', '/app/static'])
    const tdoc = await verify(['--container', tmp, '--state', state])
    expect(tdoc.targets[0]?.status).toBe('shadowed')
    expect(tdoc.targets[0]?.mounts[0]).toMatchObject({ type: 'tmpfs', shadowing: true })

    // The same volume mounted where the build copied nothing shadows nothing.
    const elsewhere = s.name('elsewhere')
    s.run(elsewhere, tag, ['-v', `${vol}:/data`])
    expect((await verify(['--container', elsewhere, '--state', state])).targets[0]?.status).toBe(
      'live'
    )
  })

  test('a bind mount with old files over a COPY destination: shadowed', async () => {
    const host = makeTree({ 'app.css': 'body { color: red }\n' }, s.dir('bind'))
    const c = s.name('bind')
    s.run(c, tag, ['-v', `${host}:/app/static:ro`])
    const doc = await verify(['--container', c, '--state', state])
    expect(doc.targets[0]?.status).toBe('shadowed')
    expect(doc.targets[0]?.mounts[0]).toMatchObject({ type: 'bind', shadowing: true })
  })

  describe('--image', () => {
    test('a tag is resolved on the daemon; a digest reference is compared with RepoDigests', async () => {
      const c = s.name('image')
      s.run(c, tag)
      const byTag = await verify(['--container', c, '--image', tag])
      expect(byTag.targets[0]).toMatchObject({
        status: 'live',
        expectedImage: dk(['image', 'inspect', '--format', '{{.Id}}', tag])
      })
      // Without the record the mounts and bytes cannot be checked: said, not hidden.
      expect(byTag.warnings.join('\n')).toMatch(/not the image the record|before verify existed/)
      const byOld = await verify(['--container', c, '--image', first])
      expect(byOld.targets[0]?.status).toBe('old-image')
      // Never pushed: no RepoDigests, so no digest reference can match it.
      const digest = `${tag.split(':')[0] ?? ''}@sha256:${'0'.repeat(64)}`
      const byDigest = await verify(['--container', c, '--image', digest])
      expect(byDigest.targets[0]).toMatchObject({ status: 'old-image', expectedImage: digest })
    })

    test('an image the daemon does not have, or no record: exit 2, one JSON error under --json', async () => {
      const r = await cli(['verify', '--container', 'x', '--image', `${s.prefix}-none:1`, '--json'])
      expect(r.code).toBe(2)
      expect(JSON.parse(r.stdout)).toEqual({
        error: { message: expect.stringContaining(`${s.prefix}-none:1`) }
      })
      const none = await cli([
        'verify',
        '--container',
        'x',
        '--state',
        join(s.dir('nostate'), 'r.json'),
        '--json'
      ])
      expect(none.code).toBe(2)
      expect(JSON.parse(none.stdout).error.message).toContain('no record of a good build')
    })
  })

  test('--wait honours the health check: not-running while starting, live once healthy', async () => {
    const c = s.name('health')
    s.run(
      c,
      tag,
      ['--health-cmd', 'test -f /tmp/ready', '--health-interval', '1s', '--health-retries', '30'],
      ['sh', '-c', 'sleep 4; touch /tmp/ready; exec sleep 3600']
    )
    const now = await verify(['--container', c, '--state', state])
    expect(now.targets[0]?.status).toBe('not-running')
    expect(now.targets[0]?.details[0]).toContain('health check still starting')
    const waited = await verify(['--container', c, '--state', state, '--wait', '30'])
    expect(waited.targets[0]?.status).toBe('live')
    expect(waited.stderr).toContain('waiting for')
  }, 60_000)
})

describeDocker('verify on a FROM scratch image (no shell in the container)', () => {
  test('live, then bytes-differ after a change: read with docker cp, no exec', async () => {
    const ctx = makeTree(
      {
        Dockerfile: [
          'FROM scratch',
          'COPY busybox /bin/busybox',
          'COPY app/ /app/',
          'ENTRYPOINT ["/bin/busybox", "sleep", "3600"]',
          ''
        ].join('\n'),
        'app/index.html': `scratch v1 ${s.prefix}\n`
      },
      s.dir('scratch')
    )
    copyFileSync('/bin/busybox', join(ctx, 'busybox'))
    const state = join(s.dir('scratch-state'), 'record.json')
    const tag = s.tag('scratch')
    s.keep((await build(['--context', ctx, '--tag', tag, '--state', state])).imageId)
    const c = s.name('scratch')
    s.run(c, tag)
    // No shell: the image holds only busybox (not linked as sh) and the app.
    expect(() => dk(['exec', c, 'sh', '-c', 'true'])).toThrow()
    const doc = await verify(['--container', c, '--state', state])
    expect(doc.targets[0]).toMatchObject({ status: 'live', compared: 2 })

    dk(['exec', c, '/bin/busybox', 'sh', '-c', 'echo changed > /app/index.html'])
    const changed = await verify(['--container', c, '--state', state])
    expect(changed.targets[0]?.status).toBe('bytes-differ')
    expect(changed.targets[0]?.files[0]?.path).toBe('/app/index.html')
  })
})
