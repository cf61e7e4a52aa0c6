import { describe, expect, test } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { availableParallelism, tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { scanContext } from '../../../src/context/walk.js'
import { StreamDigester } from '../../../src/context/digest.js'
import { suiteEnv } from '../../helpers/env.js'

const CLI = resolve('dist/cli/index.js')

interface Profile {
  nodes: { callFrame: { functionName: string; url: string } }[]
}

describe('the digest pool in the bundled CLI', () => {
  test('dist/cli hashes a large tree on every core, with the one-thread digests, and exits', async () => {
    const root = mkdtempSync(join(tmpdir(), 'fb-pool-cli-'))
    const ctx = join(root, 'ctx')
    const prof = join(root, 'prof')
    try {
      mkdirSync(join(ctx, 'src'), { recursive: true })
      // Far above the break-even: the main thread, which starts at once, is still busy with the
      // first large file when a worker comes online, even on a loaded machine.
      for (let i = 0; i < 3; i++) {
        const blob = Buffer.alloc(64 << 20, `blob ${i} `)
        blob.write(randomBytes(16).toString('hex'))
        writeFileSync(join(ctx, `blob${i}.bin`), blob)
      }
      for (let i = 0; i < 600; i++) writeFileSync(join(ctx, 'src', `f${i}.txt`), randomBytes(i))
      writeFileSync(join(root, 'Dockerfile'), 'FROM scratch\nCOPY . /ctx\n')
      // --cpu-prof writes one profile per thread that ran JavaScript: the workers' prove they ran.
      const r = spawnSync(
        process.execPath,
        [
          `--cpu-prof`,
          `--cpu-prof-dir=${prof}`,
          CLI,
          'hash',
          '--context',
          ctx,
          '--file',
          join(root, 'Dockerfile'),
          '--json'
        ],
        { encoding: 'utf8', env: suiteEnv(), timeout: 60000, maxBuffer: 1 << 28 }
      )
      expect(r.error).toBeUndefined() // not killed by the timeout: no thread kept it alive
      expect(r.status).toBe(0)
      const doc = JSON.parse(r.stdout) as { files: { path: string; digest: string | null }[] }
      const one = await scanContext(ctx, {
        digester: new StreamDigester(undefined, { workers: 0, minWork: 0 })
      })
      expect(doc.files.map(f => [f.path, f.digest])).toEqual(
        one.entries.map(e => [e.path, e.digest ?? null])
      )
      const profiles = readdirSync(prof).map(
        f => JSON.parse(readFileSync(join(prof, f), 'utf8')) as Profile
      )
      const workers = availableParallelism() - 1
      expect(profiles).toHaveLength(1 + workers)
      const ranWorker = profiles.filter(p => p.nodes.some(n => n.callFrame.url === '[worker eval]'))
      // At least one worker hashed in the bundle (on one core there is none to prove).
      const hashed = ranWorker.filter(p => p.nodes.some(n => n.callFrame.functionName === 'update'))
      expect(hashed.length).toBeGreaterThanOrEqual(Math.min(1, workers))
    } finally {
      rmSync(root, { recursive: true, force: true })
    }
  })
})
