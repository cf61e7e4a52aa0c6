import { describe, expect, test } from '@jest/globals'
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import tar from 'tar-stream'
import type { Header } from 'tar-stream'
import { inspectImage, parseConfigHistory } from '../../../src/docker/image.js'
import { normalizeLayerPath, readLayerEntries, scanLayer } from '../../../src/docker/layers.js'
import { walkImageSave } from '../../../src/docker/save.js'
import { fakeExec } from './fake.js'

type Item = Partial<Header> & { name: string; body?: string | Buffer }

/** A tar archive in memory. */
async function makeTar(items: Item[]): Promise<Buffer> {
  const pack = tar.pack()
  const chunks: Buffer[] = []
  const done = (async () => {
    for await (const c of pack) chunks.push(c as Buffer)
  })()
  for (const { body, ...header } of items) {
    await new Promise<void>((resolve, reject) => {
      pack.entry({ mode: 0o644, ...header }, body ?? '', e => (e ? reject(e) : resolve()))
    })
  }
  pack.finalize()
  await done
  return Buffer.concat(chunks)
}

const sha = (b: string | Buffer): string => 'sha256:' + createHash('sha256').update(b).digest('hex')

async function chunked(buf: Buffer, size = 700): Promise<AsyncIterable<Buffer>> {
  return (async function* () {
    for (let i = 0; i < buf.length; i += size) yield buf.subarray(i, i + size)
  })()
}

describe('normalizeLayerPath', () => {
  test.each([
    ['/app/a.txt', 'app/a.txt'],
    ['./app/', 'app'],
    ['app/x', 'app/x'],
    ['.//app', 'app']
  ])('%j', (p, out) => expect(normalizeLayerPath(p)).toBe(out))
})

describe('scanLayer', () => {
  test('files, dirs, symlinks, hard links, whiteouts, missing; diffId is the tar sha256', async () => {
    const big = Buffer.alloc(300_000, 'z')
    const layer = await makeTar([
      { name: './', type: 'directory', mode: 0o755 },
      { name: './app/', type: 'directory', mode: 0o750 },
      { name: './app/a.txt', body: 'new bytes\n', mode: 0o600 },
      { name: 'app/big.bin', body: big },
      { name: 'app/link', type: 'symlink', linkname: 'a.txt', mode: 0o777 },
      { name: 'app/hard', type: 'link', linkname: 'app/a.txt' },
      { name: 'app/.wh.gone.txt', body: '' },
      { name: 'old/.wh..wh..opq', body: '' },
      { name: '.wh.olddir', body: '' },
      { name: 'app/unwanted.txt', body: 'skip me' }
    ])
    const wanted = new Set([
      'app/a.txt',
      'app/big.bin',
      'app',
      'app/link',
      'app/hard',
      'app/gone.txt',
      'olddir/x',
      'app/none',
      'old/kept'
    ])
    const { diffId, entries } = await scanLayer(await chunked(layer), wanted)
    expect(diffId).toBe(sha(layer))
    expect(Object.fromEntries(entries ?? [])).toEqual({
      'app/a.txt': { type: 'file', mode: 0o600, size: 10, digest: sha('new bytes\n') },
      'app/big.bin': { type: 'file', mode: 0o644, size: big.length, digest: sha(big) },
      app: { type: 'dir', mode: 0o750 },
      'app/link': { type: 'symlink', mode: 0o777, linkTarget: 'a.txt', digest: sha('a.txt') },
      'app/hard': {
        type: 'file',
        mode: 0o644,
        hardlinkTo: 'app/a.txt',
        digest: sha('new bytes\n'),
        size: 10
      },
      'app/gone.txt': { type: 'whiteout', mode: 0 },
      'olddir/x': { type: 'whiteout', mode: 0 },
      'app/none': { type: 'missing', mode: 0 },
      'old/kept': { type: 'missing', mode: 0 }
    })
  })

  test('a blob that is not a tar: hashed, entries null', async () => {
    const blob = Buffer.from('{"not":"a tar"}'.repeat(100))
    const r = await scanLayer(await chunked(blob), new Set(['x']))
    expect(r).toEqual({ diffId: sha(blob), entries: null })
  })
})

/** A `docker save` (v1 layout) with the given layers and config. */
async function makeSave(layers: Buffer[], config: object, imageHex: string): Promise<Buffer> {
  const items: Item[] = [{ name: `${imageHex}.json`, body: JSON.stringify(config) }]
  layers.forEach((l, i) => {
    const dir = String(i).repeat(64)
    items.push(
      { name: `${dir}/`, type: 'directory' },
      { name: `${dir}/VERSION`, body: '1.0' },
      { name: `${dir}/layer.tar`, body: l }
    )
  })
  items.push({
    name: 'manifest.json',
    body: JSON.stringify([
      {
        Config: `${imageHex}.json`,
        Layers: layers.map((_l, i) => `${String(i).repeat(64)}/layer.tar`)
      }
    ])
  })
  return makeTar(items)
}

describe('readLayerEntries', () => {
  test('reads each wanted path in its own layer: the COPY layer keeps the original bytes', async () => {
    const copyLayer = await makeTar([
      { name: 'app/', type: 'directory' },
      { name: 'app/a.txt', body: 'original' }
    ])
    const runLayer = await makeTar([
      { name: 'app/', type: 'directory' },
      { name: 'app/a.txt', body: 'rewritten by RUN' }
    ])
    const delLayer = await makeTar([{ name: 'app/.wh.a.txt', body: '' }])
    const save = await makeSave(
      [copyLayer, runLayer, delLayer],
      { rootfs: { diff_ids: [] } },
      'f'.repeat(64)
    )
    const exec = fakeExec(() => ({ stdout: save }))
    const out = await readLayerEntries(exec, 'img:1', [
      { diffId: sha(copyLayer), paths: ['/app/a.txt'] },
      { diffId: sha(delLayer), paths: ['app/a.txt', 'app/b.txt'] }
    ])
    expect(exec.calls).toEqual([['save', 'img:1']])
    expect(out.get(sha(copyLayer))?.get('app/a.txt')).toMatchObject({
      type: 'file',
      digest: sha('original')
    })
    expect([...(out.get(sha(copyLayer))?.keys() ?? [])]).toEqual(['app/a.txt'])
    expect(out.get(sha(delLayer))?.get('app/a.txt')).toEqual({ type: 'whiteout', mode: 0 })
    expect(out.get(sha(delLayer))?.get('app/b.txt')).toEqual({ type: 'missing', mode: 0 })
  })

  test('stops the save once every wanted layer was read', async () => {
    const l1 = await makeTar([{ name: 'a', body: '1' }])
    const l2 = await makeTar([{ name: 'b', body: '2' }])
    const save = await makeSave([l1, l2], {}, 'e'.repeat(64))
    const exec = fakeExec(() => ({ stdout: save }))
    await readLayerEntries(exec, 'img', [{ diffId: sha(l1), paths: ['a'] }])
    expect(exec.opts[0].signal?.aborted).toBe(true)
  })

  test('a diffId not in the image is an error; nothing wanted runs nothing', async () => {
    const save = await makeSave([await makeTar([{ name: 'a', body: '1' }])], {}, 'd'.repeat(64))
    const exec = fakeExec(() => ({ stdout: save }))
    await expect(
      readLayerEntries(exec, 'img', [{ diffId: sha('nope'), paths: ['a'] }])
    ).rejects.toThrow(/not found in docker save img/)
    expect(await readLayerEntries(exec, 'img', [])).toEqual(new Map())
    expect(exec.calls).toHaveLength(1)
  })

  test('a failing save is the daemon line', async () => {
    const exec = fakeExec(() => ({
      code: 1,
      stderr: 'Error response from daemon: reference does not exist\n'
    }))
    await expect(walkImageSave(exec, 'nope', async () => false)).rejects.toThrow(
      'docker save nope failed (exit 1): Error response from daemon: reference does not exist'
    )
  })
})

describe('inspectImage falls back to the config inside docker save', () => {
  test('legacy history (ambiguous 0B entries) is read from the config', async () => {
    const fx = (n: string): string => readFileSync(join(import.meta.dirname, 'fixtures', n), 'utf8')
    const inspect = JSON.parse(fx('inspect-multistage-leg.out')) as { Id: string }
    const hex = inspect.Id.replace('sha256:', '')
    const config = JSON.parse(fx('config-multistage-leg.out')) as object
    const save = await makeSave([await makeTar([{ name: 'a', body: '1' }])], config, hex)
    const exec = fakeExec(args =>
      args[0] === 'image'
        ? { stdout: fx('inspect-multistage-leg.out') }
        : args[0] === 'history'
          ? { stdout: fx('history-multistage-leg.out') }
          : { stdout: save }
    )
    const info = await inspectImage(exec, 'fb:leg')
    expect(info.historyFromConfig).toBe(true)
    expect(info.history).toEqual(parseConfigHistory(fx('config-multistage-leg.out')))
    expect(exec.calls.map(c => c[0])).toEqual(['image', 'history', 'save'])
  })
})
