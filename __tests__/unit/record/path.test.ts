import { describe, expect, test } from '@jest/globals'
import { basename, dirname, join } from 'node:path'
import { defaultStatePath, stateDir, stateInsideContext } from '../../../src/record/path.js'

const base = { context: '/srv/app', file: '/srv/app/Dockerfile', env: {}, home: '/home/u' }

describe('stateDir', () => {
  test.each([
    [
      '$FRESH_BUILD_STATE_DIR wins',
      { FRESH_BUILD_STATE_DIR: '/var/lib/fb', XDG_STATE_HOME: '/x' },
      '/var/lib/fb'
    ],
    [
      'a relative $FRESH_BUILD_STATE_DIR resolves against cwd',
      { FRESH_BUILD_STATE_DIR: 'state' },
      '/work/state'
    ],
    ['then $XDG_STATE_HOME/fresh-build', { XDG_STATE_HOME: '/x/state' }, '/x/state/fresh-build'],
    [
      'a relative $XDG_STATE_HOME is ignored, as the XDG spec says',
      { XDG_STATE_HOME: 'rel' },
      '/home/u/.local/state/fresh-build'
    ],
    [
      'an empty override is ignored',
      { FRESH_BUILD_STATE_DIR: '' },
      '/home/u/.local/state/fresh-build'
    ],
    ['then ~/.local/state/fresh-build', {}, '/home/u/.local/state/fresh-build']
  ])('%s', (_name, env, want) => {
    expect(stateDir({ env, home: '/home/u', cwd: '/work' })).toBe(want)
  })

  test('falls back to $HOME when no home is given', () => {
    expect(stateDir({ env: { HOME: '/root2' } })).toBe('/root2/.local/state/fresh-build')
  })
})

describe('defaultStatePath', () => {
  test('is stable for the same context, Dockerfile and target', () => {
    expect(defaultStatePath(base)).toBe(defaultStatePath({ ...base }))
    expect(defaultStatePath(base)).toMatch(
      /^\/home\/u\/\.local\/state\/fresh-build\/app-[0-9a-f]{16}\.json$/
    )
  })

  test('resolves relative paths against cwd, so two spellings of one build share a record', () => {
    const rel = defaultStatePath({ ...base, context: '.', file: 'Dockerfile', cwd: '/srv/app' })
    expect(rel).toBe(defaultStatePath(base))
  })

  test.each([
    ['another folder with the same name', { context: '/other/app', file: '/other/app/Dockerfile' }],
    ['another Dockerfile', { file: '/srv/app/Dockerfile.prod' }],
    ['another target', { target: 'runtime' }]
  ])('keys %s to another record', (_name, over) => {
    const other = defaultStatePath({ ...base, ...over })
    expect(other).not.toBe(defaultStatePath(base))
    expect(dirname(other)).toBe(dirname(defaultStatePath(base)))
  })

  test.each([
    ['/srv/My App!', undefined, /^my-app-[0-9a-f]{16}\.json$/],
    ['/srv/app', 'Build Stage', /^app-build-stage-[0-9a-f]{16}\.json$/],
    ['/', undefined, /^root-[0-9a-f]{16}\.json$/],
    ['/srv/...', undefined, /^context-[0-9a-f]{16}\.json$/],
    ['/srv/' + 'x'.repeat(80), undefined, new RegExp(`^x{40}-[0-9a-f]{16}\\.json$`)]
  ])('slugs %s (target %s) into a safe, readable name', (context, target, want) => {
    const p = defaultStatePath({
      context,
      file: join(context, 'Dockerfile'),
      target,
      env: {},
      home: '/h'
    })
    expect(basename(p)).toMatch(want)
  })

  test('lies outside the context by default', () => {
    expect(stateInsideContext(defaultStatePath(base), base.context)).toBe(false)
  })
})

describe('stateInsideContext', () => {
  test.each([
    ['/srv/app/.state/r.json', '/srv/app', true],
    ['/srv/app/r.json', '/srv/app', true],
    ['/srv/app2/r.json', '/srv/app', false],
    ['/srv/r.json', '/srv/app', false],
    ['/srv/app/..r.json', '/srv/app', true],
    ['state/r.json', '.', true]
  ])('%s in %s: %s', (state, context, want) => {
    expect(stateInsideContext(state, context, '/srv/app')).toBe(want)
  })
})
