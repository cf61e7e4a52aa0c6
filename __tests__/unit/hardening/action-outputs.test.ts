/**
 * The action's step outputs cannot be forged by file names: names carrying GITHUB_OUTPUT
 * delimiter tricks (`ghadelimiter_...`, `name<<EOF`, `key=value` after a newline) stay inside
 * the `changed-files` value, and every output is written exactly once.
 */
import { afterAll, afterEach, beforeEach, expect, jest, test } from '@jest/globals'
import { readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { OUTPUT_NAMES } from '../../../src/action/inputs.js'
import { run } from '../../../src/action/main.js'
import { makeTree } from '../../helpers/tree.js'
import { cleanEnv, openTempDir, plainLog } from './helpers.js'

const dirs: string[] = []
afterAll(() => dirs.forEach(d => rmSync(d, { recursive: true, force: true })))

const saved = { env: { ...process.env }, exitCode: process.exitCode }
/** The step's own stdout (progress, commands), kept to explain a failure. */
let stdout = ''
beforeEach(() => {
  stdout = ''
  jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout += String(chunk)
    return true
  })
})
afterEach(() => {
  jest.restoreAllMocks()
  process.env = { ...saved.env }
  process.exitCode = saved.exitCode
})

/**
 * Outputs as the runner reads a GITHUB_OUTPUT file: `name<<DELIMITER` takes every line up to
 * one equal to DELIMITER, `name=value` takes the rest of the line.
 */
function readOutputs(text: string): [string, string][] {
  const lines = text.split('\n')
  const out: [string, string][] = []
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? ''
    if (line === '') continue
    const heredoc = /^([^=]+?)<<(.+)$/.exec(line)
    if (heredoc && !line.includes('=')) {
      const value: string[] = []
      for (i++; i < lines.length && lines[i] !== heredoc[2]; i++) value.push(lines[i] ?? '')
      expect(i).toBeLessThan(lines.length) // the delimiter closed it
      out.push([heredoc[1] ?? '', value.join('\n')])
    } else {
      const eq = line.indexOf('=')
      out.push([line.slice(0, eq), line.slice(eq + 1)])
    }
  }
  return out
}

test('file names with GITHUB_OUTPUT delimiter tricks stay inside changed-files', async () => {
  const workspace = openTempDir('fb-hard-ws-')
  dirs.push(workspace)
  const hostile = [
    'ghadelimiter_00000000-0000-0000-0000-000000000000',
    'verdict<<EOF',
    'x\nverdict=stale',
    'image-id=sha256:forged'
  ]
  const COPY = 'COPY . /app/'
  makeTree(
    {
      'app/Dockerfile': `FROM scratch\n${COPY}\n`,
      ...Object.fromEntries(hostile.map(n => [`app/${n}`, '1']))
    },
    workspace
  )
  writeFileSync(join(workspace, 'build.log'), plainLog(COPY))
  const inputs: Record<string, string> = {
    mode: 'check',
    context: 'app',
    'log-file': 'build.log',
    'state-file': 'state/record.json',
    verify: 'none',
    commit: 'c0ffee'
  }
  const source = { getInput: (name: string) => inputs[name] ?? '' }

  const once = async (n: number): Promise<[string, string][]> => {
    const output = join(workspace, `output-${n}`)
    writeFileSync(output, '')
    writeFileSync(join(workspace, `summary-${n}`), '')
    process.env = cleanEnv({
      GITHUB_WORKSPACE: workspace,
      GITHUB_OUTPUT: output,
      GITHUB_STEP_SUMMARY: join(workspace, `summary-${n}`)
    })
    await run(process.env, source)
    if ((process.exitCode ?? 0) !== 0) throw new Error(`the action failed:\n${stdout}`)
    return readOutputs(readFileSync(output, 'utf8'))
  }

  await once(1)
  for (const n of hostile) writeFileSync(join(workspace, 'app', n), '2')
  const outputs = await once(2)

  expect(outputs.map(([k]) => k).sort()).toEqual([...OUTPUT_NAMES].sort())
  const value = Object.fromEntries(outputs)
  expect(value.verdict).toBe('fresh')
  expect(value['image-id']).toBe('')
  expect(value['changed-files']).toBe(
    [...hostile].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b))).join('\n')
  )
  expect(JSON.parse(value.report ?? '')).toMatchObject({
    verdict: 'fresh',
    changedFiles: expect.arrayContaining(hostile)
  })
})
