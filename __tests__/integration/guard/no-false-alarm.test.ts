/**
 * What must NOT be flagged (docs/design.md), on the real daemon: later RUN steps that rewrite or delete
 * copied files, a cached `COPY package.json` when only src/ changed, ignored-file-only changes,
 * and an unchanged rebuild.
 */
import { afterAll, expect, test } from '@jest/globals'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { BASE_IMAGE, describeDocker } from '../../helpers/docker.js'
import { buildArgv, catInImage, cli, Scratch, statuses, stepOf, withStaleCache } from './helpers.js'

const scratch = new Scratch()
afterAll(() => scratch.cleanup())
const n = scratch.nonce

describeDocker('guard: no false alarms', () => {
  test('RUN steps that delete or append to copied files never make a changed COPY stale', async () => {
    const COPY = 'COPY src /app/src'
    const dockerfile = [
      `FROM ${BASE_IMAGE}`,
      COPY,
      'RUN rm /app/src/a.txt',
      'RUN echo x >> /app/src/b.txt',
      ''
    ].join('\n')
    await withStaleCache(async () => {
      const ctx = scratch.tree({
        Dockerfile: dockerfile,
        'src/a.txt': `a1 ${n}\n`,
        'src/b.txt': `b1 ${n}\n`
      })
      const state = scratch.statePath()
      const build = async (name: string) => {
        const tag = scratch.tag(name)
        return { tag, run: await cli(buildArgv(ctx, state, tag)) }
      }
      const base = await build('run-base')
      expect(base.run.code).toBe(0)
      expect(base.run.json.verdict).toBe('baseline')

      // Normal edits (new size and mtime): the COPY runs; its layer holds what the RUNs later
      // deleted and appended to, and the proof reads that layer, not the final file system.
      writeFileSync(join(ctx, 'src/a.txt'), `a2, longer ${n}\n`)
      writeFileSync(join(ctx, 'src/b.txt'), `b2, longer ${n}\n`)
      const edited = await build('run-edit')
      expect(edited.run.code).toBe(0)
      expect(edited.run.json.verdict).toBe('fresh')
      expect(edited.run.json.changedFiles).toEqual(['src/a.txt', 'src/b.txt'])
      expect(stepOf(edited.run.json, COPY)).toMatchObject({
        changed: true,
        cached: false,
        status: 'ran',
        staleFiles: []
      })
      expect(catInImage(edited.tag, '/app/src/a.txt')).toBeNull()
      expect(catInImage(edited.tag, '/app/src/b.txt')).toBe(`b2, longer ${n}\nx\n`)

      // Back to the baseline bytes: the cache legitimately holds that COPY, so it is CACHED and
      // must be proven from its own layer (where a.txt still exists and b.txt has no `x`).
      writeFileSync(join(ctx, 'src/a.txt'), `a1 ${n}\n`)
      writeFileSync(join(ctx, 'src/b.txt'), `b1 ${n}\n`)
      const reverted = await build('run-revert')
      const copy = stepOf(reverted.run.json, COPY)
      if (!copy.cached) return null
      expect(reverted.run.code).toBe(0)
      expect(reverted.run.json.verdict).toBe('fresh')
      expect(copy).toMatchObject({ changed: true, status: 'verified', staleFiles: [] })
      expect(catInImage(reverted.tag, '/app/src/a.txt')).toBeNull()
      expect(catInImage(reverted.tag, '/app/src/b.txt')).toBe(`b1 ${n}\nx\n`)
      return true
    }, 'revert under later RUN steps')
  })

  test('cached COPY package.json with only src/ changed is fresh; ignored and no changes are unchanged', async () => {
    const PKG = 'COPY package.json ./'
    const SRC = 'COPY src/ ./src/'
    const dockerfile = [
      `FROM ${BASE_IMAGE}`,
      'WORKDIR /app',
      PKG,
      'RUN echo installing > /installed.txt',
      SRC,
      ''
    ].join('\n')
    await withStaleCache(async () => {
      const ctx = scratch.tree({
        Dockerfile: dockerfile,
        '.dockerignore': '*.log\n',
        'package.json': `{"name":"p${n}"}\n`,
        'src/a.txt': `a1 ${n}\n`,
        'debug.log': 'one\n'
      })
      const state = scratch.statePath()
      const build = async (name: string) => {
        const tag = scratch.tag(name)
        return { tag, run: await cli(buildArgv(ctx, state, tag)) }
      }
      expect((await build('pkg-base')).run.json.verdict).toBe('baseline')

      writeFileSync(join(ctx, 'src/a.txt'), `a2, longer ${n}\n`)
      const src = await build('pkg-src')
      if (!stepOf(src.run.json, PKG).cached) return null
      expect(src.run.code).toBe(0)
      expect(src.run.json.verdict).toBe('fresh')
      expect(src.run.json.changedFiles).toEqual(['src/a.txt'])
      expect(statuses(src.run.json)).toEqual({ [PKG]: 'cached', [SRC]: 'ran' })
      expect(stepOf(src.run.json, PKG).changed).toBe(false)
      // The record vouches for the builder's copy: the one changed file is re-sent, no prune.
      expect(src.run.json.pruned).toBeNull()
      expect(src.run.stderr).toMatch(/re-sending 1 changed file\(s\) instead of pruning/)
      expect(catInImage(src.tag, '/app/src/a.txt')).toBe(`a2, longer ${n}\n`)
      expect(catInImage(src.tag, '/app/package.json')).toBe(`{"name":"p${n}"}\n`)

      // Only an ignored file changed: the context is the recorded one, so nothing is pruned.
      writeFileSync(join(ctx, 'debug.log'), 'two, longer\n')
      const ignored = await build('pkg-ignored')
      expect(ignored.run.code).toBe(0)
      expect(ignored.run.json).toMatchObject({
        verdict: 'unchanged',
        pruned: null,
        changedFiles: []
      })
      expect(ignored.run.json.contextHash).toBe(src.run.json.contextHash)
      expect(statuses(ignored.run.json)).toEqual({ [PKG]: 'cached', [SRC]: 'cached' })
      expect(catInImage(ignored.tag, '/app/src/a.txt')).toBe(`a2, longer ${n}\n`)
      expect(catInImage(ignored.tag, '/app/debug.log')).toBeNull()

      const again = await build('pkg-again')
      expect(again.run.code).toBe(0)
      expect(again.run.json).toMatchObject({ verdict: 'unchanged', pruned: null, changedFiles: [] })
      expect(statuses(again.run.json)).toEqual({ [PKG]: 'cached', [SRC]: 'cached' })
      expect(catInImage(again.tag, '/app/src/a.txt')).toBe(`a2, longer ${n}\n`)
      return true
    }, 'package.json cached')
  })
})
