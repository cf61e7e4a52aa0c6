import { describe, expect, test } from '@jest/globals'
import type { DeployFacts, RecordedCopy } from '../../../src/model.js'
import {
  coveringMounts,
  findings,
  imageMatch,
  mismatches,
  mountFor,
  mountReports,
  readRoots,
  statusOf,
  writtenFiles,
  type Expected
} from '../../../src/verify/checks.js'
import type { ImageFacts, MountFacts } from '../../../src/verify/facts.js'

const D = (c: string): string => `sha256:${c.repeat(64)}`
const copy = (line: number, dest: string, files: Record<string, string>): RecordedCopy => ({
  stage: 'stage-0',
  index: line,
  line,
  instruction: `COPY ... ${dest}`,
  dest,
  files
})
const sigs: Record<string, string> = {
  'server.js': `file 0644 ${D('a')} 10`,
  'static/app.css': `file 0644 ${D('b')} 10`,
  link: `symlink 0777 ${D('c')} 0`,
  'conf/nginx.conf': `file 0644 ${D('d')} 10`,
  static: 'dir 0755 - 0'
}
const deploy = (changed: string[] | null): DeployFacts => ({
  stage: 'stage-0',
  changed,
  copies: [
    copy(3, '/app', {
      '/app/server.js': 'server.js',
      '/app/static/app.css': 'static/app.css',
      '/app/link': 'link'
    }),
    copy(4, '/', { '/etc/nginx.conf': 'conf/nginx.conf' }),
    // A later COPY of the same path wins.
    copy(5, '/app/server.js', { '/app/server.js': 'server.js' })
  ]
})
const mount = (type: string, destination: string, name: string | null = null): MountFacts => ({
  type,
  name,
  source: type === 'tmpfs' ? null : '/src',
  destination,
  anonymous: name !== null && /^[0-9a-f]{64}$/.test(name)
})

describe('what the build wrote', () => {
  test('every COPY-written path with its context digest; changed ones flagged; later COPY wins', () => {
    const all = writtenFiles(deploy(['server.js']), sigs)
    expect(all.map(f => [f.path, f.copy.line, f.digest, f.changed])).toEqual([
      ['/app/server.js', 5, D('a'), true],
      ['/app/static/app.css', 3, D('b'), false],
      ['/app/link', 3, D('c'), false],
      ['/etc/nginx.conf', 4, D('d'), false]
    ])
    // A baseline (no previous record): everything is new.
    expect(writtenFiles(deploy(null), sigs).every(f => f.changed)).toBe(true)
  })

  test('read roots: a COPY destination dir once; never `/` itself', () => {
    const roots = readRoots(writtenFiles(deploy(null), sigs))
    expect([...roots.keys()].sort()).toEqual(['/app', '/etc'])
    expect(
      roots
        .get('/app')
        ?.map(f => f.path)
        .sort()
    ).toEqual(['/app/link', '/app/server.js', '/app/static/app.css'])
  })
})

describe('mounts over COPY destinations', () => {
  const written = writtenFiles(deploy(null), sigs)
  test('a mount over a copied dir or file covers it; one elsewhere does not', () => {
    const covers = coveringMounts(
      [
        mount('volume', '/app/static', 'v'),
        mount('bind', '/etc/nginx.conf'),
        mount('volume', '/data', 'd')
      ],
      written
    )
    expect(covers.map(c => [c.mount.destination, c.paths, c.copies.map(x => x.line)])).toEqual([
      ['/app/static', ['/app/static/app.css'], [3]],
      ['/etc/nginx.conf', ['/etc/nginx.conf'], [4]]
    ])
    expect(coveringMounts([mount('volume', '/app/st', 'x')], written)).toEqual([])
  })

  test('the innermost mount of nested ones is the one a path is read through', () => {
    const ms = [mount('volume', '/app', 'outer'), mount('volume', '/app/static', 'inner')]
    expect(mountFor('/app/static/app.css', ms)?.name).toBe('inner')
    expect(mountFor('/app/server.js', ms)?.name).toBe('outer')
    expect(mountFor('/srv/x', ms)).toBeNull()
  })

  test('a volume shadows when it holds other bytes; a tmpfs always; a matching one does not', () => {
    const vol = mount('volume', '/app/static', 'v')
    const tmp = mount('tmpfs', '/app')
    const covers = coveringMounts([vol, tmp], written)
    const found = [
      {
        path: '/app/static/app.css',
        source: 'static/app.css',
        line: 3,
        expected: D('b'),
        actual: D('e'),
        mount: '/app/static'
      }
    ]
    const reports = mountReports(covers, found)
    expect(reports.map(r => [r.destination, r.shadowing])).toEqual([
      ['/app/static', true],
      ['/app', true]
    ])
    expect(reports[1]?.reason).toMatch(/tmpfs starts empty/)
    expect(mountReports(coveringMounts([vol], written), []).map(r => r.shadowing)).toEqual([false])
  })
})

describe('bytes', () => {
  const written = writtenFiles(deploy(null), sigs)
  test('a file with other bytes or missing is a candidate; equal bytes and dirs are not', () => {
    const read = new Map([
      ['/app/server.js', { type: 'file' as const, digest: D('a') }],
      ['/app/static/app.css', { type: 'file' as const, digest: D('e') }],
      ['/app/link', { type: 'symlink' as const, digest: D('c') }]
    ])
    expect(mismatches(written, read).map(m => [m.file.path, m.actual])).toEqual([
      ['/app/static/app.css', D('e')],
      ['/etc/nginx.conf', 'missing']
    ])
  })

  test('a file a later step rewrote or removed in the image is not compared', () => {
    const candidates = mismatches(written, new Map())
    const image = new Map([
      ['/app/server.js', { type: 'file' as const, digest: D('a') }],
      ['/app/static/app.css', { type: 'file' as const, digest: D('f') }],
      ['/app/link', null],
      ['/etc/nginx.conf', { type: 'file' as const, digest: D('d') }]
    ])
    const found = findings(candidates, image, [mount('volume', '/etc', 'cfg')])
    expect(found.map(f => [f.path, f.mount])).toEqual([
      ['/app/server.js', null],
      ['/etc/nginx.conf', '/etc']
    ])
  })
})

describe('the image', () => {
  const img = (id: string, extra: Partial<ImageFacts> = {}): ImageFacts => ({
    id,
    created: '',
    repoTags: [],
    repoDigests: [],
    diffIds: [D('1'), D('2')],
    runtimeConfig: '{"Cmd":["x"]}',
    ...extra
  })
  const expected = (over: Partial<Expected> = {}): Expected => ({
    ref: D('9'),
    imageId: D('9'),
    digest: null,
    resolvedTag: null,
    index: null,
    created: null,
    tags: [],
    deploy: null,
    files: null,
    ...over
  })
  test('the same id; the same layers and runtime config under another id; anything else', () => {
    expect(imageMatch(D('9'), img(D('9')), expected(), img(D('9')))).toBe('same')
    expect(imageMatch(D('8'), img(D('8')), expected(), img(D('9')))).toBe('equivalent')
    expect(
      imageMatch(D('8'), img(D('8'), { diffIds: [D('1'), D('3')] }), expected(), img(D('9')))
    ).toBe('other')
    expect(
      imageMatch(D('8'), img(D('8'), { runtimeConfig: '{"Cmd":["y"]}' }), expected(), img(D('9')))
    ).toBe('other')
    expect(imageMatch(D('8'), img(D('8')), expected(), null)).toBe('other')
  })

  test('a digest reference is compared exactly with RepoDigests (docker.io names normalised)', () => {
    const ref = `registry.local:5000/app@${D('7')}`
    const e = expected({ digest: ref, imageId: null, ref })
    expect(imageMatch(D('8'), img(D('8'), { repoDigests: [ref] }), e, null)).toBe('same')
    expect(
      imageMatch(
        D('8'),
        img(D('8'), { repoDigests: [`registry.local:5000/app@${D('6')}`] }),
        e,
        null
      )
    ).toBe('other')
    expect(imageMatch(D('8'), img(D('8')), e, null)).toBe('other')
    const hub = expected({ digest: `app@${D('7')}`, imageId: null })
    expect(
      imageMatch(
        D('8'),
        img(D('8'), { repoDigests: [`docker.io/library/app@${D('7')}`] }),
        hub,
        null
      )
    ).toBe('same')
  })
})

test('status: not-running, then old-image, then shadowed, then bytes-differ, else live', () => {
  const none = { notRunning: false, oldImage: false, shadowed: false, bytesDiffer: false }
  expect(statusOf(none)).toBe('live')
  expect(statusOf({ ...none, bytesDiffer: true })).toBe('bytes-differ')
  expect(statusOf({ ...none, bytesDiffer: true, shadowed: true })).toBe('shadowed')
  expect(statusOf({ ...none, shadowed: true, oldImage: true })).toBe('old-image')
  expect(statusOf({ notRunning: true, oldImage: true, shadowed: true, bytesDiffer: true })).toBe(
    'not-running'
  )
})
