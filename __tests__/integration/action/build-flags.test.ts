/**
 * The inputs a docker/build-push-action user brings (labels, secrets, secret-files,
 * build-contexts), through dist/index.js on the real daemon: the label is on the image, a
 * `RUN --mount=type=secret` reads the secret, no secret value reaches the log, outputs, summary,
 * record or kept build log, and a same-size mtime-kept edit in a named context is `stale`. The
 * stale run's log has a group per phase, the docker command line and the verdict line outside
 * every group; a failed build's summary says what failed and where.
 */
import { afterAll, beforeAll, expect, test } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { createHash, randomBytes } from 'node:crypto'
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { BASE_IMAGE, DOCKER, describeDocker, docker } from '../../helpers/docker.js'
import { makeTree, removeTree } from '../../helpers/tree.js'
import { DIST, runAction, type ActionRun } from './runner.js'

const NONCE = randomBytes(6).toString('hex')
const TAG = `fb-act-flags:${process.pid}-${NONCE}`
const SECRET = `tok_${NONCE}_s3cr3t`
const FILE_SECRET = `filesecret_${NONCE}_x9`
// Unique per run: without buildx the named context is stood in by a local image of this name.
const NAME = `docs-${NONCE}`
const DOCKERFILE = [
  `FROM ${BASE_IMAGE}`,
  'COPY app.txt /app.txt',
  `COPY --from=${NAME} guide.md /docs/guide.md`,
  // The secret is read, hashed into the image, and printed: the log must not show it.
  'RUN --mount=type=secret,id=tok --mount=type=secret,id=key sha256sum /run/secrets/tok > /tok.sha && cat /run/secrets/tok /run/secrets/key && echo',
  ''
].join('\n')

let workspace: string
let temp: string
const images = new Set<string>()

beforeAll(() => {
  if (!existsSync(DIST)) throw new Error(`${DIST} is missing: run npm run bundle`)
  workspace = makeTree({
    'app/Dockerfile': DOCKERFILE,
    'app/app.txt': `app ${NONCE}\n`,
    'docs/guide.md': `guide v1 ${NONCE}\n`,
    'docs/draft.md': 'not sent\n',
    'docs/.dockerignore': 'draft.md\n'
  })
  temp = mkdtempSync(join(tmpdir(), 'fb-act-flags-'))
  writeFileSync(join(temp, 'key.txt'), FILE_SECRET)
})

afterAll(() => {
  if (images.size > 0) spawnSync(DOCKER, ['image', 'rm', '--force', ...images], { stdio: 'ignore' })
  if (workspace) removeTree(workspace)
  if (temp) rmSync(temp, { recursive: true, force: true })
})

const state = (): string => join(temp, 'state.json')

function build(inputs: Record<string, string>, file = 'app/Dockerfile'): Promise<ActionRun> {
  return runAction({
    workspace,
    home: temp,
    inputs: {
      context: 'app',
      file,
      tags: TAG,
      'state-file': state(),
      labels: `org.opencontainers.image.title=flags ${NONCE}\norg.example.team=web`,
      secrets: `tok=${SECRET}`,
      'secret-files': `key=${join(temp, 'key.txt')}`,
      'build-contexts': `${NAME}=docs`,
      ...inputs
    }
  }).then(r => {
    if (r.outputs['image-id']) images.add(r.outputs['image-id'])
    return r
  })
}

/** Every place a secret could leak to: stdout/stderr, outputs, summary, record, kept log. */
function leakSurfaces(r: ActionRun): Record<string, string> {
  const files = readdirSync(temp).filter(f => f.startsWith('state.json'))
  return {
    // `::add-mask::VALUE` is how the runner learns what to mask; it never shows that line.
    stdout: r.stdout
      .split('\n')
      .filter(l => !l.startsWith('::add-mask::'))
      .join('\n'),
    stderr: r.stderr,
    outputs: JSON.stringify(r.outputs),
    summary: r.summary,
    ...Object.fromEntries(files.map(f => [f, readFileSync(join(temp, f), 'utf8')]))
  }
}

function expectNoSecret(r: ActionRun): void {
  for (const [where, text] of Object.entries(leakSurfaces(r))) {
    for (const s of [SECRET, FILE_SECRET]) {
      if (text.includes(s)) throw new Error(`secret value found in ${where}`)
    }
  }
}

describeDocker('docker/build-push-action inputs through dist/index.js', () => {
  let baseline: ActionRun

  test('baseline: label on the image, the secret read by RUN --mount=type=secret, no secret anywhere', async () => {
    baseline = await build({})
    expect({ code: baseline.code, stderr: baseline.stderr }).toEqual({ code: 0, stderr: '' })
    expect(baseline.outputs.verdict).toBe('baseline')
    const labels = JSON.parse(
      docker(['image', 'inspect', '--format', '{{json .Config.Labels}}', TAG])
    ) as Record<string, string>
    expect(labels).toMatchObject({
      'org.opencontainers.image.title': `flags ${NONCE}`,
      'org.example.team': 'web',
      'dev.fresh-build.context-hash': baseline.outputs['context-hash']
    })
    const sha = createHash('sha256').update(SECRET).digest('hex')
    const seen = docker(['run', '--rm', TAG, 'cat', '/tok.sha', '/docs/guide.md'])
    expect(seen).toBe(`${sha}  /run/secrets/tok\nguide v1 ${NONCE}\n`)
    // The RUN printed both secrets into the build log: masked in every copy of it.
    expect(baseline.stdout).toContain('***')
    expectNoSecret(baseline)
    // Both masked for the runner: the value given and the secret file's contents.
    expect(baseline.commands.filter(c => c.command === 'add-mask').map(c => c.message)).toEqual(
      expect.arrayContaining([SECRET, FILE_SECRET])
    )
    expect(baseline.outputs.imageid).toBe(baseline.outputs['image-id'])
    expect(JSON.parse(baseline.outputs.metadata ?? '')).toMatchObject({
      'containerimage.config.digest': baseline.outputs['image-id'],
      'image.name': TAG,
      'fresh-build.verdict': 'baseline'
    })
    // The stand-in image of the named context is gone; the secret temp files too.
    expect(spawnSync(DOCKER, ['image', 'inspect', NAME]).status).not.toBe(0)
    const report = JSON.parse(baseline.outputs.report ?? '') as { steps: { line: number }[] }
    expect(report.steps.map(s => s.line)).toEqual([2, 3])
  })

  test('stale: a same-size edit with the mtime kept in the named context, prune never', async () => {
    const file = join(workspace, 'docs/guide.md')
    const ref = join(temp, 'mtime-ref')
    expect(spawnSync('touch', ['-r', file, ref]).status).toBe(0)
    writeFileSync(file, `guide v2 ${NONCE}\n`)
    expect(spawnSync('touch', ['-r', ref, file]).status).toBe(0)
    const r = await build({ prune: 'never' })
    expect(r.code).toBe(1)
    expect(r.outputs).toMatchObject({ verdict: 'stale', 'changed-files': `${NAME}:guide.md` })
    const report = JSON.parse(r.outputs.report ?? '') as {
      steps: { line: number; status: string; staleFiles: string[] }[]
    }
    expect(report.steps.find(s => s.line === 3)).toMatchObject({
      status: 'stale',
      staleFiles: [`${NAME}:guide.md`]
    })
    expect(r.commands.find(c => c.command === 'error' && c.properties.line === '3')).toBeTruthy()
    // A warning without a Dockerfile line is still an annotation (on the run, not a file).
    expect(
      r.commands.filter(
        c =>
          c.command === 'warning' &&
          c.properties.file === undefined &&
          /ARG GIT_COMMIT_HASH/.test(c.message)
      )
    ).toHaveLength(1)
    expectNoSecret(r)

    // The log: a group per phase, in order; the command lines; the verdict line outside groups.
    const groups = r.commands.filter(c => c.command === 'group').map(c => c.message)
    expect(groups).toEqual([
      'fresh-build: read context',
      'fresh-build: compare',
      'fresh-build: build',
      'fresh-build: prove',
      'fresh-build: record'
    ])
    expect(r.stdout).toMatch(
      /^DOCKER_BUILDKIT=1 docker build --progress=plain --file \S+ --tag docs-[0-9a-f]+ /m
    )
    expect(r.stdout).toMatch(
      new RegExp(
        `^DOCKER_BUILDKIT=1 docker build --progress=plain .*--tag ${TAG.replace(/[.:]/g, '\\$&')} .*--secret id=tok,src=\\S+ --secret id=key,src=\\S+key\\.txt`,
        'm'
      )
    )
    const lines = r.stdout.split('\n')
    const verdict = lines.findIndex(l => l.startsWith('fresh-build: stale - '))
    expect(verdict).toBeGreaterThan(lines.lastIndexOf('::endgroup::'))
  })

  test('fresh again with the default prune: the named context bytes are re-sent', async () => {
    const r = await build({})
    expect(r.code).toBe(0)
    expect(r.outputs.verdict).toBe('fresh')
    expect(r.commands.filter(c => c.command === 'group').map(c => c.message)).toContain(
      'fresh-build: prune'
    )
    // The cure either prunes the context-sync cache or re-sends the changed files (cure.ts).
    expect(r.stdout).toMatch(
      /^(pruning the builder cache \(policy source\)|re-sending [1-9]\d* changed file\(s\) instead of pruning: .*)$/m
    )
    expect(docker(['run', '--rm', TAG, 'cat', '/docs/guide.md'])).toBe(`guide v2 ${NONCE}\n`)
    expectNoSecret(r)
  })

  test('a failed build: the summary says what failed and in which phase', async () => {
    writeFileSync(
      join(workspace, 'app/Dockerfile.fail'),
      `FROM ${BASE_IMAGE}\nCOPY app.txt /app.txt\nRUN echo failing-${NONCE} && exit 3\n`
    )
    const r = await build({ 'state-file': join(temp, 'fail-state.json') }, 'app/Dockerfile.fail')
    expect(r.code).toBe(1)
    expect(r.summary).toContain('fresh-build: error')
    expect(r.summary).toContain('<b>build</b> phase')
    const text = r.summary
      .replace(/&#(\d+);/g, (_m, n: string) => String.fromCharCode(Number(n)))
      .replace(/&amp;/g, '&')
    expect(text).toMatch(
      /docker build failed \(exit 1\) at step 3\/3 RUN echo failing-\w+ && exit 3: /
    )
    expectNoSecret(r)
  })

  test('summary: false writes none, also on errors', async () => {
    const r = await build({ summary: 'false', labels: 'dev.fresh-build.steps=x' })
    expect(r.code).toBe(1)
    expect(r.commands.filter(c => c.command === 'error').map(c => c.message)).toEqual([
      "input labels #1: dev.fresh-build.steps is fresh-build's own label (it records what the image was built from)"
    ])
    expect(r.summary).toBe('')
  })

  test('the builder cannot: the legacy builder refuses secrets, naming the input', async () => {
    const legacy = await runAction({
      workspace,
      home: temp,
      env: { DOCKER_BUILDKIT: '0' },
      inputs: { context: 'app', 'state-file': join(temp, 'legacy2.json'), secrets: `tok=${SECRET}` }
    })
    expect(legacy.code).toBe(1)
    expect(legacy.commands.filter(c => c.command === 'error').map(c => c.message)).toEqual([
      'input secrets / secret-files: the legacy builder has no build secrets (RUN --mount=type=secret needs BuildKit)'
    ])
    expect(legacy.summary).toContain('fresh-build: error')
    expect(legacy.commands.filter(c => c.command === 'add-mask')[0]?.message).toBe(SECRET)
  })
})
