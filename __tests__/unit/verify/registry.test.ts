import { expect, test } from '@jest/globals'
import type { Manifest, RegistryClient } from '../../../src/registry/client.js'
import { parseImageRef } from '../../../src/registry/reference.js'
import { IndexRelation, resolveRegistryImage } from '../../../src/verify/registry.js'

const D = (c: string): string => `sha256:${c.repeat(64)}`
const LIST = 'application/vnd.docker.distribution.manifest.list.v2+json'
const ONE = 'application/vnd.docker.distribution.manifest.v2+json'

/** A registry holding index D('a') over D('1') and D('2'), and plain manifests D('1')-D('3'). */
function relation(asked: string): { rel: IndexRelation; asked: string[] } {
  const seen: string[] = []
  const store: Record<string, Manifest> = {
    [D('a')]: {
      digest: D('a'),
      mediaType: LIST,
      bytes: Buffer.from(''),
      json: { manifests: [{ digest: D('1') }, { digest: D('2') }] }
    }
  }
  for (const c of ['1', '2', '3'])
    store[D(c)] = { digest: D(c), mediaType: ONE, bytes: Buffer.from(''), json: {} }
  const client = {
    manifest: (_repo: string, ref: string) => {
      seen.push(ref)
      return Promise.resolve(store[ref] ?? null)
    }
  } as unknown as RegistryClient
  const digestRef = `reg.example/app@${asked}`
  return {
    rel: new IndexRelation({
      digestRef,
      digest: asked,
      tag: null,
      ref: parseImageRef(digestRef),
      client
    }),
    asked: seen
  }
}

test('an index asked, a platform manifest it lists pulled: the same image', async () => {
  const { rel } = relation(D('a'))
  expect(await rel.explain([`reg.example/app@${D('2')}`])).toContain('a platform manifest')
  expect(await rel.explain([`reg.example/app@${D('3')}`])).toBeNull()
})

test('a platform manifest asked, an index listing it pulled: the same image', async () => {
  const { rel, asked } = relation(D('1'))
  expect(await rel.explain([`reg.example/app@${D('a')}`])).toContain(`pulled the index`)
  expect(await rel.explain([`reg.example/app@${D('3')}`])).toBeNull()
  // Each manifest is fetched once.
  expect(asked.filter(d => d === D('1'))).toHaveLength(1)
})

test('another repository, or no repo digest: never the same image, nothing fetched', async () => {
  const { rel, asked } = relation(D('1'))
  expect(await rel.explain([`reg.example/other@${D('a')}`])).toBeNull()
  expect(await rel.explain([])).toBeNull()
  expect(asked).toEqual([])
})

test('only references naming a registry host are resolved in a registry', async () => {
  expect(await resolveRegistryImage('app:main', {})).toBeNull()
  expect(await resolveRegistryImage(D('1'), {})).toBeNull()
  expect(await resolveRegistryImage(`app@${D('1')}`, {})).toBeNull()
  const pinned = await resolveRegistryImage(`127.0.0.1:5999/app:main@${D('1')}`, {})
  // A digest is used as given: no registry call (nothing listens on 5999).
  expect(pinned).toMatchObject({ digestRef: `127.0.0.1:5999/app@${D('1')}`, digest: D('1') })
})
