/**
 * `mode: verify` through dist/index.js as the runner runs it, after a guarded build and a
 * deploy: outputs `verdict` and `report`, the job summary section, and on a stale deploy an error
 * annotation naming the container and the cause, with the hint, and a failed step.
 */
import { afterAll, beforeAll, expect, test } from '@jest/globals'
import { existsSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { BASE_IMAGE, describeDocker } from '../../helpers/docker.js'
import { makeTree, removeTree } from '../../helpers/tree.js'
import { build, dk, Scratch } from '../verify/helpers.js'
import { DIST, runAction } from './runner.js'

const s = new Scratch()
let home = ''
let ws = ''
beforeAll(() => {
  if (!existsSync(DIST)) throw new Error(`${DIST} is missing: run npm run bundle`)
  home = mkdtempSync(join(tmpdir(), 'fb-act-verify-'))
})
afterAll(() => {
  s.cleanup()
  if (home) removeTree(home)
})

describeDocker('mode: verify (the bundled action)', () => {
  test('live after the deploy; a file changed in the container: stale, annotated, failed', async () => {
    ws = makeTree(
      {
        'app/Dockerfile': `FROM ${BASE_IMAGE}\nWORKDIR /srv\nCOPY . .\nCMD ["sleep", "3600"]\n`,
        'app/index.html': `v1 ${s.prefix}\n`
      },
      s.dir('ws')
    )
    const tag = s.tag('act')
    const state = join(ws, 'state/record.json')
    s.keep((await build(['--context', join(ws, 'app'), '--tag', tag, '--state', state])).imageId)
    const c = s.name('act')
    s.run(c, tag)
    const inputs = {
      mode: 'verify',
      context: 'app',
      containers: c,
      'state-file': 'state/record.json'
    }

    const live = await runAction({ workspace: ws, home, inputs })
    expect({ code: live.code, stderr: live.stderr }).toMatchObject({ code: 0 })
    expect(live.outputs.verdict).toBe('live')
    const report = JSON.parse(live.outputs.report ?? '') as {
      verdict: string
      targets: { container: string; status: string }[]
    }
    expect(report).toMatchObject({ verdict: 'live', targets: [{ container: c, status: 'live' }] })
    expect(live.summary).toContain('fresh-build verify: live')
    expect(live.commands.filter(x => x.command === 'error')).toEqual([])

    dk(['exec', c, 'sh', '-c', 'echo tampered > /srv/index.html'])
    const stale = await runAction({ workspace: ws, home, inputs })
    expect(stale.code).toBe(1)
    expect(stale.outputs.verdict).toBe('stale')
    const errors = stale.commands.filter(x => x.command === 'error')
    expect(errors[0]?.message).toContain(`${c}: bytes-differ`)
    expect(errors[0]?.properties.title).toContain(c)
    // The summary escapes every character HTML could read as markup; read it back as text.
    const text = stale.summary.replace(/&#(\d+);/g, (_, n: string) =>
      String.fromCharCode(Number(n))
    )
    expect(text).toContain('fresh-build verify: stale')
    expect(text).toContain('/srv/index.html')
    expect(text).toContain(`hint: recreate ${c} from ${tag}`)
  }, 120_000)

  test('bad inputs fail before any docker call, naming the input', async () => {
    const r = await runAction({
      workspace: ws || makeTree({}, s.dir('ws2')),
      home,
      inputs: { mode: 'verify', wait: 'soon', containers: 'x' }
    })
    expect(r.code).toBe(1)
    expect(r.commands.find(x => x.command === 'error')?.message).toContain('input wait')
  })
})
