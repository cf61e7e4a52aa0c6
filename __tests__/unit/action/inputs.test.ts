import { noBuildFlags } from '../../../src/pipeline/build-flags.js'
import { afterAll, describe, expect, test } from '@jest/globals'
import { readFileSync, symlinkSync } from 'node:fs'
import { join } from 'node:path'
import { load } from 'js-yaml'
import {
  getInputs,
  INPUT_NAMES,
  OUTPUT_NAMES,
  parseBuildArgLines,
  planRun,
  secretValues,
  type InputSource,
  type Inputs,
  type RunContext
} from '../../../src/action/inputs.js'
import { UsageError } from '../../../src/pipeline/options.js'
import { makeTree, removeTree } from '../../helpers/tree.js'

interface ActionYml {
  inputs: Record<string, { default?: string }>
  outputs: Record<string, unknown>
}
const actionYml = load(readFileSync('action.yml', 'utf8')) as ActionYml

/**
 * Inputs as the runner hands them over: action.yml's defaults (the token default as the runner
 * expands it) overlaid with the step's `with:`, values as written. Counts reads per name.
 */
function source(given: Record<string, string> = {}): InputSource & {
  reads: Map<string, number>
  options: Map<string, unknown>
} {
  const reads = new Map<string, number>()
  const options = new Map<string, unknown>()
  const values: Record<string, string> = {}
  for (const [name, spec] of Object.entries(actionYml.inputs)) values[name] = spec.default ?? ''
  values['github-token'] = 'ghs_defaultRunnerToken'
  Object.assign(values, given)
  return {
    reads,
    options,
    getInput(name, opts) {
      reads.set(name, (reads.get(name) ?? 0) + 1)
      options.set(name, opts)
      const v = values[name] ?? ''
      return opts?.trimWhitespace === false ? v : v.trim()
    }
  }
}

describe('action.yml and the code agree', () => {
  test('every input of action.yml is read, in its order, and no other', () => {
    expect([...INPUT_NAMES]).toEqual(Object.keys(actionYml.inputs))
  })

  test('every output of action.yml is written, and no other', () => {
    expect([...OUTPUT_NAMES]).toEqual(Object.keys(actionYml.outputs))
  })

  test('boolean inputs default to false, since an empty boolean is not valid YAML 1.2', () => {
    expect(actionYml.inputs['clear-all']?.default).toBe('false')
    expect(actionYml.inputs['commit-status']?.default).toBe('false')
    expect(actionYml.inputs.push?.default).toBe('false')
    expect(actionYml.inputs['gha-cache-all']?.default).toBe('false')
  })
})

describe('getInputs', () => {
  test('reads each input exactly once, build-args untrimmed', () => {
    const src = source()
    getInputs(src)
    expect(Object.fromEntries(src.reads)).toEqual(Object.fromEntries(INPUT_NAMES.map(n => [n, 1])))
    expect(src.options.get('build-args')).toEqual({ trimWhitespace: false })
    expect(src.options.get('secrets')).toEqual({ trimWhitespace: false })
  })

  test("action.yml's defaults give a build with the source prune and byte proof", () => {
    const defaults: Inputs = {
      mode: 'build',
      context: '.',
      file: '',
      tags: [],
      'build-args': {},
      'secret-build-args': [],
      'cache-from': [],
      target: '',
      prune: 'source',
      verify: 'changed',
      'state-file': '',
      'log-file': '',
      image: '',
      'clear-paths': [],
      'clear-all': false,
      'gha-cache-key-prefix': '',
      'gha-cache-ref': '',
      'gha-cache-all': false,
      'compose-file': '',
      services: [],
      containers: [],
      wait: '',
      commit: '',
      'github-token': 'ghs_defaultRunnerToken',
      'commit-status': false,
      push: false,
      'clear-registry-cache': [],
      flags: noBuildFlags(),
      summary: true,
      'build-timeout': null
    }
    expect(getInputs(source())).toEqual(defaults)
  })

  test('lists split on newlines (and commas where values cannot hold one), skipping # comments', () => {
    const i = getInputs(
      source({
        tags: 'app:1, app:latest\n\n# old\nregistry.local/app:2\n',
        'cache-from': 'type=registry,ref=r/app:cache\nr/app:main',
        'clear-paths': '.next\r\nnode_modules/.cache\n',
        services: 'web,worker',
        'compose-file': 'compose.yml',
        'clear-all': 'TRUE',
        'commit-status': 'True'
      })
    )
    expect(i.tags).toEqual(['app:1', 'app:latest', 'registry.local/app:2'])
    expect(i['cache-from']).toEqual(['type=registry,ref=r/app:cache', 'r/app:main'])
    expect(i['clear-paths']).toEqual(['.next', 'node_modules/.cache'])
    expect(i.services).toEqual(['web', 'worker'])
    expect(i['clear-all']).toBe(true)
    expect(i['commit-status']).toBe(true)
  })

  test('build-arg values keep =, commas, # and spaces as written; CRLF lines work', () => {
    expect(
      parseBuildArgLines(
        '\n# a comment\n  INDENTED=1\r\nURL=https://x/?a=b,c#frag\nSPACED= two words \nEMPTY=\n'
      )
    ).toEqual({ INDENTED: '1', URL: 'https://x/?a=b,c#frag', SPACED: ' two words ', EMPTY: '' })
  })

  test('secret values and the token are what gets masked', () => {
    const i = getInputs(
      source({
        'build-args': 'NPM_TOKEN=npm_secret\nPLAIN=visible',
        'secret-build-args': 'NPM_TOKEN'
      })
    )
    expect(secretValues(i)).toEqual(['npm_secret', 'ghs_defaultRunnerToken'])
  })

  test.each<[string, Record<string, string>, string]>([
    [
      'a tag that is not an image reference',
      { tags: 'app:1\nBad Tag' },
      'input tags #2: "Bad Tag" is not a valid image tag ([registry/]name[:tag], name in lower case)'
    ],
    [
      'an unknown mode',
      { mode: 'deploy' },
      'input mode: unknown mode "deploy" (expected build, check, clear, hash, verify)'
    ],
    [
      'an unknown prune policy',
      { prune: 'everything' },
      'input prune: unknown policy "everything" (expected source, all, never)'
    ],
    [
      'an unknown verify value',
      { verify: 'all' },
      'input verify: unknown value "all" (expected changed, none)'
    ],
    [
      'a clear-all that is not a boolean',
      { 'clear-all': 'yes' },
      'input clear-all: "yes" is not a boolean (true or false)'
    ],
    [
      'a commit-status that is not a boolean',
      { 'commit-status': 'on' },
      'input commit-status: "on" is not a boolean (true or false)'
    ],
    [
      'a build-args line without =, counted with blank and comment lines',
      { 'build-args': 'A=1\n\n# note\nNPM_TOKEN npm_secret_value' },
      'input build-args line 4: expected KEY=VALUE, found no "="'
    ],
    [
      'a build-args name docker refuses',
      { 'build-args': 'A=1\n1X=2' },
      'input build-args line 2: "1X" is not a build-arg name (letters, digits and _, not starting with a digit)'
    ],
    [
      'a build-args name with a space',
      { 'build-args': 'MY ARG=2' },
      'input build-args line 1: "MY ARG" is not a build-arg name (letters, digits and _, not starting with a digit)'
    ],
    [
      'a build arg set twice',
      { 'build-args': 'A=1\nB=2\nA=3' },
      'input build-args line 3: A is already set on line 1'
    ],
    [
      'a secret build arg that is not among the build-args',
      { 'build-args': 'A=1', 'secret-build-args': 'A,NPM_TOKEN' },
      'input secret-build-args: "NPM_TOKEN" is not one of the build-args'
    ],
    [
      'services without a compose file',
      { services: 'web' },
      'input services: names compose services, so it needs compose-file'
    ],
    [
      'an Actions cache ref that is not a full ref',
      { mode: 'clear', 'gha-cache-ref': 'main' },
      'input gha-cache-ref: "main" is not a full ref (e.g. refs/heads/main, refs/pull/7/merge)'
    ],
    [
      'gha-cache-all with a key prefix',
      { mode: 'clear', 'gha-cache-all': 'true', 'gha-cache-key-prefix': 'buildkit-' },
      'input gha-cache-all: deletes every Actions cache entry, so it cannot be combined with gha-cache-key-prefix'
    ],
    [
      'a gha-cache-all that is not a boolean',
      { mode: 'clear', 'gha-cache-all': 'everything' },
      'input gha-cache-all: "everything" is not a boolean (true or false)'
    ],
    [
      'an Actions cache clear without a token',
      { mode: 'clear', 'gha-cache-key-prefix': 'buildkit-', 'github-token': '' },
      'input github-token: the Actions cache clear needs a token (actions: write)'
    ],
    [
      'a commit status without a token',
      { 'commit-status': 'true', 'github-token': '' },
      'input github-token: commit-status needs a token (statuses: write)'
    ]
  ])('refuses %s', (_what, given, message) => {
    const read = (): Inputs => getInputs(source(given))
    expect(read).toThrow(UsageError)
    expect(read).toThrow(message)
  })

  test('a bad build-args line never echoes its value', () => {
    expect(() => getInputs(source({ 'build-args': 'TOKEN hunter2secret' }))).toThrow(
      /^(?!.*hunter2secret)/
    )
  })
})

describe('planRun: paths and the status target, before anything runs', () => {
  const trees: string[] = []
  afterAll(() => trees.forEach(removeTree))

  /** A workspace with a Dockerfile, a compose file, a log, and an outside directory beside it. */
  function workspace(): { ws: string; outside: string } {
    const root = makeTree({
      'ws/Dockerfile': 'FROM scratch\nCOPY . /\n',
      'ws/app/Dockerfile': 'FROM scratch\n',
      'ws/compose.yml': 'services: {}\n',
      'ws/build.log': '#1 DONE\n',
      'ws/.next/cache': 'x',
      'outside/Dockerfile': 'FROM scratch\n',
      'outside/secret': 'keep'
    })
    trees.push(root)
    const ws = join(root, 'ws')
    const outside = join(root, 'outside')
    symlinkSync(outside, join(ws, 'out-link'))
    symlinkSync(join(outside, 'Dockerfile'), join(ws, 'Dockerfile.out'))
    return { ws, outside }
  }

  function ctx(ws: string, env: NodeJS.ProcessEnv = {}): RunContext {
    return {
      workspace: ws,
      env,
      headSha: 'a'.repeat(40),
      runUrl: 'https://github.com/o/r/actions/runs/7'
    }
  }

  test.each<[string, Record<string, string>, string]>([
    [
      'a context above the workspace',
      { context: '../outside' },
      'input context: "../outside" is outside the workspace'
    ],
    [
      'an absolute context elsewhere',
      { context: '/etc' },
      'input context: "/etc" is outside the workspace'
    ],
    ['a context that does not exist', { context: 'nope' }, 'input context: "nope" does not exist'],
    [
      'a context that is a file',
      { context: 'Dockerfile' },
      'input context: "Dockerfile" is not a directory'
    ],
    [
      'a context symlinked outside',
      { context: 'out-link' },
      'input context: "out-link" leads outside the workspace through a symlink'
    ],
    [
      'a Dockerfile outside',
      { file: '../outside/Dockerfile' },
      'input file: "../outside/Dockerfile" is outside the workspace'
    ],
    [
      'a Dockerfile symlinked outside',
      { file: 'Dockerfile.out' },
      'input file: "Dockerfile.out" leads outside the workspace through a symlink'
    ],
    ['a Dockerfile that is a directory', { file: 'app' }, 'input file: "app" is not a file'],
    [
      'a compose file outside',
      { 'compose-file': '/etc/hostname' },
      'input compose-file: "/etc/hostname" is outside the workspace'
    ],
    [
      'a compose file that does not exist',
      { 'compose-file': 'docker-compose.yml' },
      'input compose-file: "docker-compose.yml" does not exist'
    ],
    [
      'check mode without a log',
      { mode: 'check' },
      'input log-file: check mode needs the build log to judge'
    ],
    [
      'check mode with a missing log',
      { mode: 'check', 'log-file': 'none.log' },
      'input log-file: "none.log" does not exist'
    ],
    [
      'a clear path above the workspace',
      { mode: 'clear', 'clear-paths': '.next\n../outside' },
      'input clear-paths: clear path "../outside" is outside'
    ],
    [
      'the root as a clear path',
      { mode: 'clear', 'clear-paths': '/' },
      'input clear-paths: clear path "/" is outside'
    ],
    [
      'a clear path that is a symlink to outside',
      { mode: 'clear', 'clear-paths': 'out-link' },
      'input clear-paths: clear path "out-link" is a symlink to'
    ],
    [
      'a clear path through a symlink to outside',
      { mode: 'clear', 'clear-paths': 'out-link/secret' },
      'input clear-paths: clear path "out-link/secret" leads outside'
    ],
    [
      'the workspace itself as a clear path',
      { mode: 'clear', 'clear-paths': '.' },
      'input clear-paths: clear path "." is outside'
    ]
  ])('refuses %s', async (_what, given, message) => {
    const { ws, outside } = workspace()
    const plan = planRun(getInputs(source(given)), ctx(ws))
    await expect(plan).rejects.toThrow(UsageError)
    await expect(planRun(getInputs(source(given)), ctx(ws))).rejects.toThrow(message)
    expect(readFileSync(join(outside, 'secret'), 'utf8')).toBe('keep')
  })

  test.each<[string, Record<string, string>, string]>([
    [
      'no owner/repo',
      {},
      'input commit-status: GITHUB_REPOSITORY "" is not owner/repo (not on GitHub Actions?)'
    ],
    [
      'a malformed repository',
      { GITHUB_REPOSITORY: 'o/r/x' },
      'input commit-status: GITHUB_REPOSITORY "o/r/x" is not owner/repo'
    ]
  ])('refuses a commit status with %s', async (_what, env, message) => {
    const { ws } = workspace()
    const inputs = getInputs(source({ 'commit-status': 'true' }))
    await expect(planRun(inputs, ctx(ws, env))).rejects.toThrow(message)
  })

  test('refuses a commit status with no commit to post on', async () => {
    const { ws } = workspace()
    const inputs = getInputs(source({ 'commit-status': 'true' }))
    await expect(
      planRun(inputs, { ...ctx(ws, { GITHUB_REPOSITORY: 'o/r' }), headSha: '' })
    ).rejects.toThrow('input commit-status: no commit to post on (GITHUB_SHA is not set)')
  })

  test('a build plan carries resolved paths, the head commit, the client and the status target', async () => {
    const { ws } = workspace()
    const inputs = getInputs(
      source({
        context: 'app',
        file: 'Dockerfile',
        tags: 'app:1',
        'build-args': 'A=1',
        prune: 'never',
        'state-file': 'state/app.json',
        'commit-status': 'true'
      })
    )
    const { plan, warnings } = await planRun(
      inputs,
      ctx(ws, { DOCKER_PATH: '/usr/bin/docker', GITHUB_REPOSITORY: 'o/r' })
    )
    expect(warnings).toEqual([])
    expect(plan).toEqual({
      mode: 'build',
      compose: null,
      status: {
        token: 'ghs_defaultRunnerToken',
        owner: 'o',
        repo: 'r',
        sha: 'a'.repeat(40),
        targetUrl: 'https://github.com/o/r/actions/runs/7'
      },
      guard: expect.objectContaining({
        context: join(ws, 'app'),
        file: join(ws, 'Dockerfile'),
        state: join(ws, 'state/app.json'),
        tags: ['app:1'],
        buildArgs: { A: '1' },
        prune: 'never',
        verify: 'changed',
        commit: 'a'.repeat(40),
        docker: '/usr/bin/docker',
        logFile: null
      })
    })
  })

  test('an explicit commit wins over the head commit; the Dockerfile defaults to the context', async () => {
    const { ws } = workspace()
    const { plan } = await planRun(
      getInputs(source({ context: 'app', commit: 'b'.repeat(40) })),
      ctx(ws)
    )
    expect(plan).toMatchObject({
      guard: { commit: 'b'.repeat(40), file: join(ws, 'app', 'Dockerfile'), docker: 'docker' }
    })
  })

  test('a compose plan takes the file and services; tags are reported as unused', async () => {
    const { ws } = workspace()
    const { plan, warnings } = await planRun(
      getInputs(source({ 'compose-file': 'compose.yml', services: 'web', tags: 'x:1' })),
      ctx(ws)
    )
    expect(plan).toMatchObject({ compose: { file: join(ws, 'compose.yml'), services: ['web'] } })
    expect(warnings).toEqual([
      'input tags is not used with compose-file: each service gets its compose image name'
    ])
  })

  test('a clear plan keeps paths relative to the workspace and needs no Dockerfile', async () => {
    const { ws } = workspace()
    const { plan } = await planRun(
      getInputs(
        source({
          mode: 'clear',
          context: 'missing-dir',
          'clear-paths': '.next\nnode_modules/.cache',
          'clear-all': 'true',
          'clear-registry-cache': '127.0.0.1:5000/app:buildcache, 127.0.0.1:5000/app:cache-v1'
        })
      ),
      ctx(ws)
    )
    expect(plan).toEqual({
      mode: 'clear',
      clear: {
        root: ws,
        context: join(ws, 'missing-dir'),
        file: join(ws, 'missing-dir', 'Dockerfile'),
        state: null,
        all: true,
        paths: ['.next', 'node_modules/.cache'],
        filters: [],
        docker: 'docker',
        registryCache: ['127.0.0.1:5000/app:buildcache', '127.0.0.1:5000/app:cache-v1'],
        actionsCache: null
      }
    })
  })

  test('a clear plan with an Actions cache scope carries the repository, token and API root', async () => {
    const { ws } = workspace()
    const { plan, warnings } = await planRun(
      getInputs(
        source({
          mode: 'clear',
          'gha-cache-key-prefix': 'buildkit-',
          'gha-cache-ref': 'refs/heads/main'
        })
      ),
      ctx(ws, { GITHUB_REPOSITORY: 'o/r', GITHUB_API_URL: 'https://ghe.example/api/v3' })
    )
    expect(warnings).toEqual([])
    expect(plan).toMatchObject({
      mode: 'clear',
      clear: {
        actionsCache: {
          owner: 'o',
          repo: 'r',
          token: 'ghs_defaultRunnerToken',
          baseUrl: 'https://ghe.example/api/v3',
          scope: { keyPrefix: 'buildkit-', ref: 'refs/heads/main', all: false }
        }
      }
    })
  })

  test('an Actions cache clear off GitHub (no GITHUB_REPOSITORY) is refused, naming the input', async () => {
    const { ws } = workspace()
    await expect(
      planRun(getInputs(source({ mode: 'clear', 'gha-cache-all': 'true' })), ctx(ws))
    ).rejects.toThrow(
      'input gha-cache-all: GITHUB_REPOSITORY "" is not owner/repo (not on GitHub Actions?)'
    )
  })

  test('inputs the mode does not read are named in warnings', async () => {
    const { ws } = workspace()
    const { warnings } = await planRun(
      getInputs(
        source({
          mode: 'hash',
          'clear-paths': '.next',
          'gha-cache-key-prefix': 'buildkit-',
          prune: 'all',
          'commit-status': 'true'
        })
      ),
      ctx(ws)
    )
    expect(warnings).toEqual([
      'input prune is not used in hash mode (only build)',
      'input clear-paths is not used in hash mode (only clear)',
      'input gha-cache-key-prefix is not used in hash mode (only clear)',
      'input commit-status is not used in hash mode (only build, check)'
    ])
  })

  test('hash mode hashes with the given build args (ARG-substituted COPY sources)', async () => {
    const { ws } = workspace()
    const { plan } = await planRun(
      getInputs(source({ mode: 'hash', 'build-args': 'DIR=app' })),
      ctx(ws)
    )
    expect(plan).toEqual({
      mode: 'hash',
      context: ws,
      file: join(ws, 'Dockerfile'),
      buildArgs: { DIR: 'app' },
      namedContexts: {}
    })
  })
})
