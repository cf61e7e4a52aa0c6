/**
 * `npm run local-action`: GitHub's @github/local-action runs src/action/main.ts on the example app, as
 * actions/typescript-action sets it up, and the run ends with the verdict line and outputs.
 */
import { afterAll, expect, test } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DOCKER, describeDocker } from '../../helpers/docker.js'
import { suiteEnv } from '../../helpers/env.js'

const temp = mkdtempSync(join(tmpdir(), 'fb-local-action-'))
const TAG = `fb-local-action:${randomBytes(6).toString('hex')}`

afterAll(() => {
  spawnSync(DOCKER, ['image', 'rm', '--force', TAG], { stdio: 'ignore' })
  rmSync(temp, { recursive: true, force: true })
})

describeDocker('npm run local-action', () => {
  test('the .env.example inputs, with a record and tag of the test: the verdict line', () => {
    // The shipped example, with the record kept out of the user's state directory.
    const env = join(temp, '.env')
    writeFileSync(
      env,
      `${readFileSync('.env.example', 'utf8')}\nINPUT_TAGS=${TAG}\nINPUT_STATE-FILE=${join(temp, 'state.json')}\nDOCKER_PATH=${DOCKER}\n`
    )
    const summary = join(temp, 'summary.md')
    writeFileSync(summary, '')
    const r = spawnSync('npm', ['run', '--silent', 'local-action'], {
      encoding: 'utf8',
      env: { ...suiteEnv(), LOCAL_ACTION_ENV: env, GITHUB_STEP_SUMMARY: summary },
      timeout: 240_000
    })
    expect({ status: r.status, errors: r.stdout.match(/^::error::.*$/gm) }).toEqual({
      status: 0,
      errors: null
    })
    expect(r.stdout).toMatch(/^::info::fresh-build: baseline - no previous record/m)
    expect(r.stdout).toMatch(/'verdict'\s*│\s*'baseline'/)
  }, 300_000)
})
