/** The CLI switch for the stat cache: on by default for build and check, off with a flag. */
import { expect, test } from '@jest/globals'
import { parseCli } from '../../../src/cli/args.js'
import { UsageError } from '../../../src/pipeline/options.js'

const guardOf = (argv: string[]) => {
  const p = parseCli(argv, '/work', {})
  if (p.command !== 'build' && p.command !== 'check') throw new Error(`parsed as ${p.command}`)
  return p.guard
}

test('build and check use the stat cache unless --no-stat-cache is given', () => {
  expect(guardOf(['build']).statCache).toBe(true)
  expect(guardOf(['build', '--no-stat-cache']).statCache).toBe(false)
  expect(guardOf(['check', '--log', 'b.log']).statCache).toBe(true)
  expect(guardOf(['check', '--log', 'b.log', '--no-stat-cache']).statCache).toBe(false)
})

test('hash always reads every file, so --no-stat-cache does not apply to it', () => {
  expect(() => parseCli(['hash', '--no-stat-cache'], '/work', {})).toThrow(
    new UsageError('option --no-stat-cache does not apply to "hash"')
  )
})
