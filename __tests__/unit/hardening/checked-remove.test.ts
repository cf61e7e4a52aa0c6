/**
 * removeChecked, the only way clear deletes: a folder on the path swapped for a symlink after the
 * last check (the window no re-check can close) moves the wrong entry into the trash, which the
 * dev+ino comparison catches; it is moved back and nothing is deleted.
 */
import { describe, expect, test } from '@jest/globals'
import {
  existsSync,
  lstatSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  symlinkSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { identityOf, removeChecked, TRASH_PREFIX } from '../../../src/util/remove.js'
import { makeTree } from '../../helpers/tree.js'

function setUp(): { ws: string; outside: string } {
  const root = mkdtempSync(join(tmpdir(), 'fb-hard-rm-'))
  makeTree(
    {
      'ws/a/cache/junk': 'junk\n',
      'ws/a/cache/sub/link': { link: '../../../../outside' },
      'outside/cache/db': 'production\n'
    },
    root
  )
  return { ws: join(root, 'ws'), outside: join(root, 'outside') }
}

describe('removeChecked', () => {
  test('removes the checked tree, never following a symlink inside it', async () => {
    const { ws, outside } = setUp()
    const target = join(ws, 'a', 'cache')
    const id = identityOf(lstatSync(target))
    expect(await removeChecked(target, id, ws, 'a/cache')).toBe(true)
    expect(existsSync(target)).toBe(false)
    expect(readFileSync(join(outside, 'cache', 'db'), 'utf8')).toBe('production\n')
    expect(readdirSync(ws).filter(n => n.startsWith(TRASH_PREFIX))).toEqual([])
  })

  test('a parent swapped for a symlink after the check: refused, moved back, nothing deleted', async () => {
    const { ws, outside } = setUp()
    const target = join(ws, 'a', 'cache')
    const id = identityOf(lstatSync(target))
    // The swap, after the check and before the removal.
    renameSync(join(ws, 'a'), join(ws, 'a.orig'))
    symlinkSync(outside, join(ws, 'a'))
    await expect(removeChecked(target, id, ws, 'clear path "a/cache"')).rejects.toThrow(
      /clear path "a\/cache" changed after it was checked .*refused, nothing deleted/
    )
    expect(readFileSync(join(outside, 'cache', 'db'), 'utf8')).toBe('production\n')
    expect(readFileSync(join(ws, 'a.orig', 'cache', 'junk'), 'utf8')).toBe('junk\n')
    expect(readdirSync(ws).filter(n => n.startsWith(TRASH_PREFIX))).toEqual([])
  })

  test('a path gone since the check: false, nothing else touched', async () => {
    const { ws } = setUp()
    const target = join(ws, 'a', 'cache')
    const id = identityOf(lstatSync(target))
    renameSync(target, join(ws, 'elsewhere'))
    expect(await removeChecked(target, id, ws, 'a/cache')).toBe(false)
    expect(existsSync(join(ws, 'elsewhere', 'junk'))).toBe(true)
  })
})
