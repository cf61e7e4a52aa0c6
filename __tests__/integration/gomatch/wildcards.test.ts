/**
 * COPY source wildcards on the real daemon: the image's files (ground truth) against what
 * selectSources + destinationFor predict with the filepath.Match port, for the classes where the
 * RegExp translation it replaced was wrong: `?` and classes over a code point outside the BMP
 * (one rune to Go, two UTF-16 units to a RegExp), and a reversed range (valid Go that matches
 * nothing; the RegExp threw). COPY --exclude cannot be built here: Docker 20.10's frontend
 * rejects the flag (see __tests__/unit/gomatch/exclude.test.ts).
 */
import { afterAll, beforeAll, expect, test } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describeDocker, docker } from '../../helpers/docker.js'
import { makeTree, removeTree } from '../../helpers/tree.js'
import { destinationFor, readDockerfile, selectSources } from '../../../src/dockerfile/index.js'
import { scanContext } from '../../../src/context/walk.js'

const IMAGE = `fb-gomatch-it-${process.pid}`
const COPIES = ['COPY ?.txt /w1/', 'COPY [😀b].txt /w2/', 'COPY [z-a]* /w3/', 'COPY ?? /w4/']
const DOCKERFILE = `FROM scratch\n${COPIES.join('\n')}\n`
let root = ''

/** Files and symlinks of the image, as its exported filesystem names them. */
function imageFiles(): string[] {
  const id = docker(['create', IMAGE, 'true']).trim().split('\n').at(-1) ?? ''
  const tarFile = join(root, 'image.tar')
  try {
    docker(['export', '-o', tarFile, id])
  } finally {
    docker(['rm', id])
  }
  const r = spawnSync('tar', ['-tf', tarFile], { encoding: 'utf8' })
  return r.stdout.split('\n').filter(p => /^w\d\/[^/]+$/.test(p))
}

describeDocker('COPY wildcards: filepath.Match against the real BuildKit', () => {
  beforeAll(() => {
    root = makeTree({
      'a.txt': 'a',
      'ab.txt': 'ab',
      '😀.txt': 'smile',
      'b.txt': 'b',
      z1: 'z',
      '😀😀': 'two',
      'x😀': 'mixed'
    })
    writeFileSync(join(root, 'Dockerfile'), DOCKERFILE)
    docker(['build', '-q', '-t', IMAGE, '.'], { cwd: root })
  })
  afterAll(() => {
    spawnSync('/usr/bin/docker', ['rmi', '-f', IMAGE], { stdio: 'ignore' })
    if (root) removeTree(root)
  })

  test('every predicted destination is in the image, and nothing else is', async () => {
    const { entries } = await scanContext(root)
    const context = entries.filter(e => e.path !== 'Dockerfile')
    const predicted: string[] = []
    for (const step of readDockerfile(DOCKERFILE, { file: 'Dockerfile' }).steps) {
      for (const e of selectSources(step, context)) {
        const dest = destinationFor(step, e.path)
        if (e.type !== 'dir' && dest !== null) predicted.push(dest)
      }
    }
    const inImage = imageFiles()
    expect(predicted.sort()).toEqual(inImage.sort())
    // The classes this covers really occur: astral names copied, the reversed range copies none.
    expect(inImage).toEqual(expect.arrayContaining(['w1/😀.txt', 'w2/😀.txt', 'w4/😀😀', 'w4/x😀']))
    expect(inImage.some(p => p.startsWith('w3/'))).toBe(false)
  })
})
