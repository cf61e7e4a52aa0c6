import { describe, expect, test } from '@jest/globals'
import { parseCli } from '../../../src/cli/args.js'
import { runCli } from '../../helpers/cli.js'

const parse = (argv: string[]) => parseCli(argv, '/work', {})

describe('fresh-build verify options', () => {
  test('containers, the record as for build, --image and --wait', () => {
    const p = parse([
      'verify',
      '--container',
      'web',
      '--container',
      'worker',
      '--context',
      'app',
      '--state',
      's.json',
      '--image',
      'app@sha256:' + 'a'.repeat(64),
      '--wait',
      '30'
    ])
    expect(p).toMatchObject({
      command: 'verify',
      verify: {
        containers: ['web', 'worker'],
        compose: null,
        context: '/work/app',
        file: '/work/app/Dockerfile',
        state: '/work/s.json',
        image: 'app@sha256:' + 'a'.repeat(64),
        wait: 30
      }
    })
  })

  test('a compose file with services', () => {
    const p = parse(['verify', '--compose-file', 'dc.yml', '--service', 'web'])
    expect(p).toMatchObject({
      verify: { compose: { file: '/work/dc.yml', services: ['web'] }, wait: 0 }
    })
  })

  test.each([
    [['verify'], 'verify needs --container NAME or --compose-file F'],
    [['verify', '--container', 'a', '--compose-file', 'f'], 'use one'],
    [['verify', '--container', 'a', '--service', 's'], '--service needs --compose-file'],
    [['verify', '--container', 'a', '--wait', 'soon'], '--wait: "soon" is not a number'],
    [['verify', '--container', 'a', '--wait', '-1'], '--wait'],
    [['verify', '--container', 'a', '--tag', 'x'], 'option --tag does not apply to "verify"'],
    [['verify', '--container', 'a', '--prune', 'all'], 'does not apply']
  ])('%j is refused: %s', (argv, message) => {
    expect(() => parse(argv)).toThrow(message)
  })

  test('an error under --json is one JSON document on stdout, and exit 2', async () => {
    const { code, stdout, stderr } = await runCli(['verify', '--json'], { cwd: '/', env: {} })
    expect(code).toBe(2)
    expect(JSON.parse(stdout)).toEqual({
      error: { message: 'verify needs --container NAME or --compose-file F (the targets)' }
    })
    expect(stderr).toContain('fresh-build: error: verify needs')
  })
})
