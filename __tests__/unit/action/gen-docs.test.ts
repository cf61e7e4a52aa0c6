import { afterAll, describe, expect, test } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { load } from 'js-yaml'
import * as prettier from 'prettier'
import { makeTree, removeTree } from '../../helpers/tree.js'

const SCRIPT = resolve('scripts/gen-docs.mjs')
const ACTION = resolve('action.yml')
const trees: string[] = []
afterAll(() => trees.forEach(removeTree))

const README = [
  '# My action',
  '',
  'Intro text the script must keep.',
  '',
  '## Inputs',
  '',
  '<!-- inputs:start -->',
  '| Input | Description |',
  '| --- | --- |',
  '| `gone` | an input action.yml no longer has |',
  '<!-- inputs:end -->',
  '',
  '## Outputs',
  '',
  '<!-- outputs:start -->',
  '<!-- outputs:end -->',
  '',
  'Closing text.',
  ''
].join('\n')

function gen(args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [SCRIPT, ...args], { encoding: 'utf8' })
  return { code: r.status, stdout: r.stdout, stderr: r.stderr }
}

function readmeCopy(text = README): string {
  const dir = makeTree({ 'README.md': text })
  trees.push(dir)
  return join(dir, 'README.md')
}

describe('scripts/gen-docs.mjs', () => {
  test('--check fails on an out-of-date README and leaves it as it was', () => {
    const readme = readmeCopy()
    const r = gen(['--check', '--readme', readme, '--action', ACTION])
    expect(r.code).toBe(1)
    expect(r.stderr).toContain('is out of date')
    expect(readFileSync(readme, 'utf8')).toBe(README)
  })

  test('writes every input and output of action.yml between the markers, then --check passes', async () => {
    const readme = readmeCopy()
    expect(gen(['--readme', readme, '--action', ACTION]).code).toBe(0)
    const text = readFileSync(readme, 'utf8')
    const yml = load(readFileSync(ACTION, 'utf8')) as {
      inputs: Record<string, { default?: string }>
      outputs: Record<string, unknown>
    }
    const section = (name: string): string =>
      text.slice(text.indexOf(`<!-- ${name}:start -->`), text.indexOf(`<!-- ${name}:end -->`))
    const firstCells = (s: string): string[] =>
      s
        .split('\n')
        .filter(l => l.startsWith('| `'))
        .map(l => /^\| `([^`]+)`/.exec(l)?.[1] ?? '')
    expect(firstCells(section('inputs'))).toEqual(Object.keys(yml.inputs))
    expect(firstCells(section('outputs'))).toEqual(Object.keys(yml.outputs))
    expect(section('inputs')).toMatch(/\| `prune` +\| `source` +\|/)
    expect(text).not.toContain('`gone`')
    expect(text.startsWith('# My action\n\nIntro text the script must keep.\n')).toBe(true)
    expect(text.endsWith('<!-- outputs:end -->\n\nClosing text.\n')).toBe(true)

    expect(gen(['--check', '--readme', readme, '--action', ACTION]).code).toBe(0)
    // The generated tables are what Prettier would write: `prettier --check` agrees.
    expect(await prettier.format(text, { parser: 'markdown', printWidth: 100 })).toBe(text)
  })

  test('pipes and newlines in a description stay inside one cell', () => {
    const dir = makeTree({
      'action.yml': [
        'inputs:',
        '  mode:',
        "    description: 'a | b'",
        "    default: 'x|y'",
        '  multi:',
        '    description: |',
        '      first line',
        '      second line',
        'outputs:',
        '  out:',
        "    description: 'an output'",
        ''
      ].join('\n'),
      'README.md': README
    })
    trees.push(dir)
    expect(
      gen(['--readme', join(dir, 'README.md'), '--action', join(dir, 'action.yml')]).code
    ).toBe(0)
    const text = readFileSync(join(dir, 'README.md'), 'utf8')
    expect(text).toMatch(/\| `mode` +\| `x\\\|y` +\| a \\\| b +\|/)
    expect(text).toMatch(/\| `multi` +\| +\| first line second line +\|/)
  })

  test('a README without the markers is an error, not a silent no-op', () => {
    const readme = readmeCopy('# No markers here\n')
    const r = gen(['--check', '--readme', readme, '--action', ACTION])
    expect(r.code).toBe(2)
    expect(r.stderr).toContain('has no "<!-- inputs:start -->" ... "<!-- inputs:end -->" markers')
  })
})
