#!/usr/bin/env node
// `npm run bench`: how fast fresh-build is next to the tools a deploy already runs, measured side
// by side in one run on contexts generated on the fly. Prints a markdown table and writes
// .bench/results.json. See docs/benchmarks.md for what each row means and how to read it.
//
// What runs: the CLI bundled from the current sources with ncc (transpile only) into
// .bench/cli/index.js, exactly as `npm run bundle` builds dist/cli/index.js but without touching
// dist/ (`--cli PATH` runs another build, e.g. dist/cli/index.js). The in-process rows (walk,
// stat cache) import the sources compiled by tsc into .bench/build.
//
// Docker rows use the BuildKit client (/usr/bin/docker, DOCKER_BUILDKIT=1) and the offline base
// image; they PRUNE THE BUILDER CACHE of the daemon (source.local records, and everything with
// `docker builder prune -af` before each deploy row and in each of its reps). Images are tagged fb-bench-*:<nonce> and
// removed at the end; nothing else is touched.
import { execFileSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'
import { generateBuildLog, generateContext, generateRegistry } from './bench/generate.mjs'
import { machine } from './bench/machine.mjs'
import { contextTransferSeconds, median, must, plainSteps, timed } from './bench/run.mjs'
import { parallelSha256sumArgs, targetRow } from './bench/targets.mjs'
import { availableParallelism } from 'node:os'

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const MB = 1 << 20

const FULL = {
  files: 20000,
  'total-mb': 500,
  ignored: 100000,
  binaries: 3,
  'binary-mb': 100,
  'app-files': 2000,
  'app-mb': 50,
  'base-mb': 1024,
  'proof-files': 200,
  'deps-files': 30000,
  'deps-mb': 320,
  'log-mb': 100,
  reps: 3,
  'deploy-reps': 3
}
const SMALL = {
  files: 2000,
  'total-mb': 50,
  ignored: 10000,
  binaries: 1,
  'binary-mb': 20,
  'app-files': 500,
  'app-mb': 10,
  'base-mb': 64,
  'proof-files': 50,
  'deps-files': 4000,
  'deps-mb': 48,
  'log-mb': 10,
  reps: 3,
  'deploy-reps': 1
}
const SECTIONS = ['hash', 'walk', 'transfer', 'unchanged', 'deploy', 'proof', 'logs']

function options() {
  const numeric = Object.fromEntries(Object.keys(FULL).map(k => [k, { type: 'string' }]))
  const { values } = parseArgs({
    options: {
      ...numeric,
      small: { type: 'boolean' },
      dir: { type: 'string' },
      keep: { type: 'boolean' },
      cli: { type: 'string' },
      docker: { type: 'string' },
      only: { type: 'string' },
      help: { type: 'boolean', short: 'h' }
    }
  })
  if (values.help) {
    console.log(`usage: node scripts/bench.mjs [--small] [--only ${SECTIONS.join(',')}] [--keep]
  sizes (flags, or env FB_BENCH_<NAME> e.g. FB_BENCH_TOTAL_MB=200):
  ${Object.keys(FULL)
    .map(k => `--${k} N (default ${FULL[k]}, --small ${SMALL[k]})`)
    .join('\n  ')}
  --dir DIR     where contexts are generated (default: a temp dir, removed unless --keep)
  --cli PATH    the fresh-build CLI to run (default: bundle the current sources)
  --docker PATH BuildKit-capable docker client (default /usr/bin/docker)`)
    process.exit(0)
  }
  const base = values.small ? SMALL : FULL
  const sizes = {}
  for (const k of Object.keys(FULL)) {
    const env = process.env[`FB_BENCH_${k.toUpperCase().replace(/-/g, '_')}`]
    const v = Number(values[k] ?? env ?? base[k])
    if (!Number.isFinite(v) || v < 0) throw new Error(`--${k}: not a number: ${values[k] ?? env}`)
    sizes[k] = v
  }
  const only = values.only ? values.only.split(',') : SECTIONS
  for (const s of only) if (!SECTIONS.includes(s)) throw new Error(`--only: unknown section ${s}`)
  return {
    sizes,
    small: values.small === true,
    dir: values.dir ?? process.env.FB_BENCH_DIR ?? null,
    keep: values.keep === true,
    cli: values.cli ? resolve(values.cli) : null,
    docker: values.docker ?? '/usr/bin/docker',
    only: new Set(only)
  }
}

const say = line => process.stderr.write(`[bench] ${line}\n`)
const secs = ms => `${(ms / 1000).toFixed(2)} s`
const mib = kib => (kib == null ? '-' : `${(kib / 1024).toFixed(0)} MiB`)

/** Bundles the CLI and compiles the sources for in-process rows; neither touches dist/. */
function compile(opts) {
  const out = join(REPO, '.bench')
  mkdirSync(out, { recursive: true })
  let cli = opts.cli
  if (!cli) {
    say('bundling the CLI from the current sources (ncc, transpile only) into .bench/cli')
    rmSync(join(out, 'cli'), { recursive: true, force: true })
    const ncc = join(REPO, 'node_modules/@vercel/ncc/dist/ncc/cli.js')
    execFileSync(
      process.execPath,
      [ncc, 'build', 'src/cli/index.ts', '-o', '.bench/cli', '-q', '-t'],
      {
        cwd: REPO,
        stdio: 'inherit'
      }
    )
    cli = join(out, 'cli/index.js')
  }
  say('compiling the sources (tsc) into .bench/build for the in-process rows')
  rmSync(join(out, 'build'), { recursive: true, force: true })
  const tsc = join(REPO, 'node_modules/typescript/bin/tsc')
  // Emits even when another edit in the tree does not type-check: the bench measures, CI checks.
  timed(
    process.execPath,
    [tsc, '-p', 'tsconfig.build.json', '--noEmit', 'false', '--outDir', '.bench/build'],
    {
      cwd: REPO,
      discard: true
    }
  )
  return { cli, build: join(out, 'build') }
}

async function main() {
  const opts = options()
  const { sizes } = opts
  const nonce = randomBytes(5).toString('hex')
  const root = opts.dir
    ? mkdtempSync(join(resolve(opts.dir), 'fb-bench-'))
    : mkdtempSync(join(tmpdir(), 'fb-bench-'))
  const ctx = join(root, 'ctx')
  const app = join(root, 'app')
  const dfs = join(root, 'dockerfiles')
  const stateDir = join(root, 'state')
  mkdirSync(dfs, { recursive: true })
  const env = { DOCKER_BUILDKIT: '1', FRESH_BUILD_STATE_DIR: stateDir }
  const docker = opts.docker
  const images = new Set()
  const rows = []
  const details = {}

  const { cli, build } = compile(opts)
  const mod = async rel => import(pathToFileURL(join(build, rel)).href)
  const fb = (args, extra = {}) =>
    timed(process.execPath, [cli, ...args], { node: true, env, ...extra })

  try {
    say(`generating the context in ${ctx}`)
    let t = Date.now()
    const gen = generateContext(
      ctx,
      {
        files: sizes.files,
        totalBytes: sizes['total-mb'] * MB,
        binaries: sizes.binaries,
        binaryBytes: sizes['binary-mb'] * MB,
        ignoredFiles: sizes.ignored
      },
      nonce
    )
    const includedBytes = gen.sourceBytes + gen.binaryBytes
    details.context = {
      path: ctx,
      sourceFiles: sizes.files,
      sourceMiB: +(gen.sourceBytes / MB).toFixed(1),
      binaries: sizes.binaries,
      binaryMiB: sizes['binary-mb'],
      ignoredFiles: sizes.ignored,
      includedFiles: gen.includedFiles,
      includedMiB: +(includedBytes / MB).toFixed(1),
      generateSeconds: (Date.now() - t) / 1000
    }
    say(
      `context: ${gen.includedFiles} files, ${(includedBytes / MB).toFixed(0)} MiB included; ${sizes.ignored} ignored`
    )
    const scratchDf = join(dfs, 'Dockerfile.scratch')
    writeFileSync(scratchDf, 'FROM scratch\nCOPY . /ctx\n')
    const hashArgs = ['hash', '--context', ctx, '--file', scratchDf]

    // The files hash reads, as it lists them: sha256sum gets exactly the same set.
    const listing = fb([...hashArgs, '--json'])
    if (listing.code !== 0) throw new Error(`fresh-build hash failed: ${listing.stderr}`)
    const files = JSON.parse(listing.stdout)
      .files.filter(f => f.type === 'file')
      .map(f => f.path)
    const list = `${files.join('\0')}\0`

    if (opts.only.has('hash')) {
      const cores = availableParallelism()
      const par = parallelSha256sumArgs(files.length, cores)
      say(
        `hash vs sha256sum over the same ${files.length} files, one process and one per core (${cores}); page cache warm`
      )
      must('xargs', ['-0', 'sha256sum'], { cwd: ctx, input: list, discard: true })
      const ours = []
      const theirs = []
      const theirsPar = []
      let rss = 0
      for (let i = 0; i < sizes.reps; i++) {
        const h = fb(hashArgs, { discard: true })
        if (h.code !== 0) throw new Error(`fresh-build hash failed: ${h.stderr}`)
        ours.push(h.ms)
        rss = Math.max(rss, h.rssKiB ?? 0)
        theirs.push(must('xargs', ['-0', 'sha256sum'], { cwd: ctx, input: list, discard: true }).ms)
        theirsPar.push(must('xargs', par, { cwd: ctx, input: list, discard: true }).ms)
      }
      details.hash = {
        oursMs: ours,
        sha256sumMs: theirs,
        sha256sumParallelMs: theirsPar,
        rssKiB: rss
      }
      const what = `hash, no stat cache (\`fresh-build hash\`, ${files.length} files, ${(includedBytes / MB).toFixed(0)} MiB, whole process)`
      rows.push(
        targetRow('hash-vs-sha256sum-parallel', {
          what: `${what} vs sha256sum on every core (\`xargs ${par.join(' ')}\`)`,
          ours: secs(median(ours)),
          reference: secs(median(theirsPar)),
          ratio: `${(median(ours) / median(theirsPar)).toFixed(2)}x`,
          rss: mib(rss),
          value: median(ours) / median(theirsPar)
        }),
        targetRow('hash-vs-sha256sum', {
          what: `${what} vs one \`xargs -0 sha256sum\``,
          ours: secs(median(ours)),
          reference: secs(median(theirs)),
          ratio: `${(median(ours) / median(theirs)).toFixed(2)}x`,
          rss: mib(rss),
          value: median(ours) / median(theirs)
        })
      )
    }

    if (opts.only.has('walk') || opts.only.has('hash')) {
      const { scanContext } = await mod('context/walk.js')
      const none = { digestFile: async () => 'sha256:-' }
      const walkOnce = async () => {
        const start = performance.now()
        await scanContext(ctx, { dockerfile: scratchDf, digester: none })
        return performance.now() - start
      }
      if (opts.only.has('walk')) {
        say('walk with the ignored node_modules vs without it (in process, no digests)')
        await walkOnce()
        const withNm = []
        const withoutNm = []
        const aside = join(root, 'node_modules.aside')
        // Walks take milliseconds: more runs than the other rows, medians of interleaved runs.
        for (let i = 0; i < Math.max(21, sizes.reps); i++) {
          if (i % 2 === 0) withNm.push(await walkOnce())
          renameSync(join(ctx, 'node_modules'), aside)
          try {
            withoutNm.push(await walkOnce())
          } finally {
            renameSync(aside, join(ctx, 'node_modules'))
          }
          if (i % 2 === 1) withNm.push(await walkOnce())
        }
        const ratio = median(withNm) / median(withoutNm)
        details.walk = { withNodeModulesMs: withNm, withoutMs: withoutNm }
        rows.push(
          targetRow('walk-ignored', {
            what: `walk with an ignored node_modules of ${sizes.ignored} files vs without it`,
            ours: `${median(withNm).toFixed(0)} ms`,
            reference: `${median(withoutNm).toFixed(0)} ms`,
            ratio: `${ratio.toFixed(2)}x`,
            rss: '-',
            value: ratio
          })
        )
      }
      if (opts.only.has('hash')) {
        say('hash with a warm stat cache (a fresh process per run, as build does it)')
        const cachePath = join(stateDir, 'bench.stat-cache')
        const probe = join(REPO, 'scripts/bench/hash-warm.mjs')
        const hashOnce = () => {
          const r = must(process.execPath, [probe, build, ctx, scratchDf, cachePath], {
            node: true
          })
          return { ...JSON.parse(r.stdout), rssKiB: r.rssKiB }
        }
        hashOnce()
        const warm = []
        let last = null
        for (let i = 0; i < sizes.reps; i++) {
          last = hashOnce()
          warm.push(last.ms)
        }
        const sum = median(details.hash?.sha256sumMs ?? [NaN])
        details.hashWarm = { ms: warm, hits: last.hits, misses: last.misses, rssKiB: last.rssKiB }
        rows.push(
          targetRow('hash-warm-vs-sha256sum', {
            what: `hash with the stat cache warm (as in build/check; ${last.hits} of ${last.hits + last.misses} digests reused; node start-up excluded) vs \`xargs -0 sha256sum\``,
            ours: `${median(warm).toFixed(0)} ms`,
            reference: secs(sum),
            ratio: `${(median(warm) / sum).toFixed(3)}x`,
            rss: mib(last.rssKiB),
            value: median(warm) / sum
          })
        )
      }
    }

    const dockerOk =
      timed(docker, ['image', 'inspect', 'fresh-build/busybox:1'], { discard: true }).code === 0
    if (!dockerOk) say(`no daemon or no fresh-build/busybox:1 for ${docker}: docker rows skipped`)
    const imageOf = tag => {
      const r = timed(docker, ['image', 'inspect', '--format', '{{.Id}}', tag])
      if (r.code === 0) images.add(r.stdout.trim())
    }
    const tag = name => {
      const t = `fb-bench-${name}:${nonce}`
      return t
    }

    if (dockerOk && opts.only.has('transfer')) {
      say('hash vs Docker context transfer (FROM scratch, COPY . /ctx, after a source.local prune)')
      const t1 = tag('ctx')
      const buildCtx = () =>
        must(docker, ['build', '--progress=plain', '-f', scratchDf, '-t', t1, ctx], { env })
      buildCtx() // the first build writes the layer; the timed ones find COPY cached
      imageOf(t1)
      const builds = []
      const transfers = []
      for (let i = 0; i < sizes.reps; i++) {
        must(docker, ['builder', 'prune', '-f', '--filter', 'type=source.local'], { discard: true })
        const b = buildCtx()
        builds.push(b.ms)
        transfers.push((contextTransferSeconds(b.stderr) ?? NaN) * 1000)
      }
      const ours = median(details.hash?.oursMs ?? [NaN])
      details.transfer = { buildMs: builds, transferMs: transfers }
      rows.push(
        targetRow('hash-vs-docker-transfer', {
          what: `hash, no stat cache vs Docker's context transfer (build after \`docker builder prune --filter type=source.local\`; BuildKit's own "load build context": ${secs(median(transfers))})`,
          ours: secs(ours),
          reference: secs(median(builds)),
          ratio: `${(ours / median(builds)).toFixed(2)}x`,
          rss: '-',
          value: ours / median(builds)
        })
      )
    }

    // The dependency install a real app's Dockerfile has: a package manager "downloads" archives
    // into a cache mount (here: copies them from a local registry image, far faster than any
    // network, so the row understates what a prune-everything costs) and unpacks them into the
    // image, a node_modules-like layer of many files.
    let registry = null
    const depsDockerfile = (id, registryImage) =>
      [
        'FROM fresh-build/busybox:1',
        'WORKDIR /app',
        'COPY deps.lock ./',
        `RUN --mount=type=cache,id=${id},target=/cache --mount=type=bind,from=${registryImage},source=/registry,target=/registry set -e; if [ ! -f /cache/done ]; then cp /registry/*.tgz /cache/; touch /cache/done; fi; mkdir -p node_modules; for p in /cache/*.tgz; do tar -xzf "$p" -C node_modules; done`,
        'COPY . .',
        'RUN find . -type f | wc -l > /files.txt',
        ''
      ].join('\n')
    const needsDeps = dockerOk && (opts.only.has('unchanged') || opts.only.has('deploy'))
    if (needsDeps) {
      say(
        `generating the package registry (${sizes['deps-files']} files, ${sizes['deps-mb']} MiB unpacked) and its image`
      )
      const reg = join(root, 'registry')
      const made = generateRegistry(
        reg,
        {
          packages: Math.max(1, Math.round(sizes['deps-files'] / 100)),
          files: sizes['deps-files'],
          totalBytes: sizes['deps-mb'] * MB
        },
        nonce
      )
      registry = { image: tag('registry'), ...made }
      must(docker, ['build', '--progress=plain', '-t', registry.image, reg], { env, discard: true })
      imageOf(registry.image)
      details.deps = { files: made.files, unpackedMiB: +(made.bytes / MB).toFixed(1) }
    }
    const appDf = join(dfs, 'Dockerfile.app')
    if (registry) writeFileSync(appDf, depsDockerfile(`fb-bench-${nonce}`, registry.image))
    const guardArgs = (context, state, t, dockerfile = appDf) => [
      'build',
      '--context',
      context,
      '--file',
      dockerfile,
      '--docker',
      docker,
      '--tag',
      t,
      '--state',
      state,
      '--json'
    ]
    // Plain builds under a client identity of their own (see oneFileChanges).
    const plainEnv = { ...env, DOCKER_CONFIG: join(root, 'plain-docker-config') }
    const plainArgs = (context, t, dockerfile = appDf) => [
      'build',
      '--progress=plain',
      '-f',
      dockerfile,
      '-t',
      t,
      context
    ]
    // `early: false` runs the guard as before the early build (FRESH_BUILD_EARLY_BUILD=0).
    const guard = (context, state, t, dockerfile = appDf, { early = true } = {}) => {
      const r = fb(
        guardArgs(context, state, t, dockerfile),
        early ? {} : { env: { ...env, FRESH_BUILD_EARLY_BUILD: '0' } }
      )
      if (r.code === 2)
        throw new Error(`fresh-build build failed: ${r.stderr.split('\n').slice(-3).join(' | ')}`)
      imageOf(t)
      return { ...r, json: JSON.parse(r.stdout) }
    }
    const plain = (context, t, dockerfile = appDf) => {
      const r = must(docker, plainArgs(context, t, dockerfile), { env: plainEnv })
      imageOf(t)
      return r
    }

    // The app context (2,000 files) beside the main one, both with an ignored node_modules.
    const needsApp = dockerOk && (opts.only.has('unchanged') || opts.only.has('deploy'))
    if (needsApp) {
      say(`generating the app context in ${app}`)
      generateContext(
        app,
        {
          files: sizes['app-files'],
          totalBytes: sizes['app-mb'] * MB,
          binaries: 0,
          binaryBytes: 0,
          ignoredFiles: Math.round(sizes.ignored / 5)
        },
        `${nonce}-app`
      )
    }
    const contexts = [
      [
        'app',
        app,
        `app context (${sizes['app-files']} files, ${sizes['app-mb']} MiB, ${Math.round(sizes.ignored / 5)} ignored)`
      ],
      [
        'main',
        ctx,
        `main context (${gen.includedFiles} files, ${(includedBytes / MB).toFixed(0)} MiB, ${sizes.ignored} ignored)`
      ]
    ]
    // `node -e 0`: what any Node tool pays before its first line runs.
    const nodeFloor = () => {
      const xs = []
      for (let i = 0; i < Math.max(5, sizes.reps); i++) {
        xs.push(must(process.execPath, ['-e', '0'], { discard: true }).ms)
      }
      return median(xs)
    }

    if (dockerOk && opts.only.has('unchanged')) {
      for (const [name, context, label] of contexts) {
        say(`guarded unchanged rebuild vs plain docker build on the ${label} (all steps cached)`)
        const state = join(stateDir, `unchanged-${name}.json`)
        guard(context, state, tag(`guard-${name}`))
        // The second run is the first unchanged one, after which early builds start (the
        // record is then of a build that changed nothing; see docs/early-build.md).
        guard(context, state, tag(`guard-${name}`))
        plain(context, tag(`plain-${name}`))
        const ours = []
        const theirs = []
        const sequential = []
        let rss = 0
        let disturbed = 0
        for (let i = 0; ours.length < sizes.reps && i < sizes.reps + 3; i++) {
          const g = guard(context, state, tag(`guard-${name}`))
          const p = plain(context, tag(`plain-${name}`))
          const q = guard(context, state, tag(`guard-${name}`), appDf, { early: false })
          // Another user of the daemon may prune between runs: only all-cached pairs compare.
          const allCached = log =>
            plainSteps(log).every(s => s.cached || /^FROM /.test(s.instruction))
          const kept = /^kept it: /m.test(g.stderr)
          if (
            [g, q].some(r => r.json.verdict !== 'unchanged' || !allCached(r.stderr)) ||
            !allCached(p.stderr) ||
            !kept
          ) {
            disturbed++
            continue
          }
          ours.push(g.ms)
          theirs.push(p.ms)
          sequential.push(q.ms)
          rss = Math.max(rss, g.rssKiB ?? 0)
        }
        if (ours.length === 0) throw new Error(`unchanged-${name}: every rep was disturbed`)
        const node = nodeFloor()
        const ratio = median(ours) / median(theirs)
        const floor = (median(theirs) + node) / median(theirs)
        details[`unchanged-${name}`] = {
          guardMs: ours,
          plainMs: theirs,
          sequentialMs: sequential,
          disturbed,
          rssKiB: rss,
          nodeMs: node
        }
        rows.push(
          targetRow(`unchanged-${name}`, {
            what: `guarded unchanged rebuild (\`fresh-build build\`, stat cache warm) vs plain \`docker build\`, ${label}, all steps cached`,
            ours: secs(median(ours)),
            reference: secs(median(theirs)),
            ratio: `${ratio.toFixed(2)}x`,
            rss: mib(rss),
            value: ratio
          }),
          targetRow(`unchanged-sequential-${name}`, {
            what: `the same with the early build off (\`FRESH_BUILD_EARLY_BUILD=0\`: walk, then build), vs plain \`docker build\``,
            ours: secs(median(sequential)),
            reference: secs(median(theirs)),
            ratio: `${(median(sequential) / median(theirs)).toFixed(2)}x`,
            rss: '-',
            value: median(sequential) / median(theirs)
          }),
          targetRow(`node-floor-${name}`, {
            what: `the floor beside it: plain \`docker build\` plus \`node -e 0\` (${node.toFixed(0)} ms), vs the plain build`,
            ours: secs(median(theirs) + node),
            reference: secs(median(theirs)),
            ratio: `${floor.toFixed(2)}x`,
            rss: '-',
            value: floor
          })
        )
      }
      const startup = []
      for (let i = 0; i < Math.max(5, sizes.reps); i++) {
        startup.push(must(process.execPath, [cli, '--version'], { discard: true }).ms)
      }
      const node = nodeFloor()
      rows.push(
        targetRow('startup-vs-node', {
          what: 'start-up: `fresh-build --version` (the bundle loaded, compose and the GitHub client not) vs `node -e 0`',
          ours: `${median(startup).toFixed(0)} ms`,
          reference: `${node.toFixed(0)} ms`,
          ratio: `${(median(startup) / node).toFixed(2)}x`,
          rss: '-',
          value: median(startup) / node
        })
      )
    }

    /**
     * One-file changes, timed three ways on the same context: the guard (default policy: the
     * changed file re-sent, proofs), a plain `docker build` of the same kind of change, and the
     * nuclear reset (`docker builder prune -af` + `docker build`). The plain builds run under a
     * client identity of their own (another DOCKER_CONFIG, so another build node ID): they are
     * not builds of the guard's directory "outside the guard", which would make it prune.
     */
    // `sequential`: also time the guard with the early build off (one more edit, the same record).
    const oneFileChanges = (name, context, dockerfile, label, withReset, sequential = false) => {
      const state = join(stateDir, `change-${name}.json`)
      const changed = join(context, 'src/m0/d0/f1.txt')
      let edits = 0
      const edit = () =>
        writeFileSync(changed, `${readFileSync(changed, 'utf8')}edit ${edits++} ${nonce}\n`)
      const g = () => guard(context, state, tag(`change-${name}`), dockerfile)
      const p = () => plain(context, tag(`change-${name}-plain`), dockerfile)
      // The same record as the guard's: the builder state it keeps stays the record's.
      const s = () =>
        guard(context, state, tag(`change-${name}-sequential`), dockerfile, { early: false })
      // Untimed: clears what earlier rows left, then warms both identities' context records.
      must(docker, ['builder', 'prune', '-af'], { discard: true })
      g()
      p()
      const ours = []
      const plainMs = []
      const sequentialMs = []
      const resetMs = []
      let rss = 0
      let disturbed = 0
      const deps = log => plainSteps(log).find(s => s.instruction.startsWith('RUN --mount'))
      for (let i = 0; ours.length < sizes['deploy-reps'] && i < sizes['deploy-reps'] + 3; i++) {
        edit()
        const gr = g()
        if (gr.json.verdict !== 'fresh')
          throw new Error(`${name}: expected fresh, got ${gr.json.verdict}`)
        edit()
        const pr = p()
        let sr = null
        if (sequential) {
          edit()
          sr = s()
          if (sr.json.verdict !== 'fresh' || sr.json.pruned !== null) {
            disturbed++
            continue
          }
        }
        let reset = null
        if (withReset) {
          edit()
          const pa = must(docker, ['builder', 'prune', '-af'], { discard: true })
          reset = pa.ms + p().ms
          // Untimed: the reset dropped both identities' records; warm them again.
          g()
          p()
        }
        // The pair compares only when the guard re-sent instead of pruning and kept the
        // dependency step; a prune by another user of the daemon in between spoils it.
        const depStep = deps(gr.stderr)
        if (gr.json.pruned !== null || (depStep && !depStep.cached)) {
          disturbed++
          continue
        }
        ours.push(gr.ms)
        plainMs.push(pr.ms)
        if (sr !== null) sequentialMs.push(sr.ms)
        if (reset !== null) resetMs.push(reset)
        rss = Math.max(rss, gr.rssKiB ?? 0)
      }
      if (ours.length === 0) throw new Error(`${name}: every rep was disturbed (the guard pruned)`)
      details[`change-${name}`] = {
        guardMs: ours,
        plainMs,
        resetMs,
        sequentialMs,
        disturbed,
        rssKiB: rss
      }
      return {
        ours: median(ours),
        plain: median(plainMs),
        sequential: sequentialMs.length ? median(sequentialMs) : NaN,
        reset: resetMs.length ? median(resetMs) : NaN,
        rss,
        label
      }
    }

    if (dockerOk && opts.only.has('deploy')) {
      say(`one-file-change deploys on the main context: guard vs plain build vs prune -af + build`)
      say('  this runs `docker builder prune -af` on the shared daemon')
      const r = oneFileChanges('main', ctx, appDf, contexts[1][2], true)
      const what = `one-file-change deploy, ${r.label}, dependencies of ${sizes['deps-files']} files / ${sizes['deps-mb']} MiB through a cache mount: guard (default policy: the changed file re-sent, proofs)`
      rows.push(
        targetRow('deploy-main-vs-plain', {
          what: `${what} vs plain \`docker build\` of the same change`,
          ours: secs(r.ours),
          reference: secs(r.plain),
          ratio: `${(r.ours / r.plain).toFixed(2)}x`,
          rss: mib(r.rss),
          value: r.ours / r.plain
        }),
        targetRow('deploy-main-vs-prune-all', {
          what: `${what} vs \`docker builder prune -af\` + \`docker build\``,
          ours: secs(r.ours),
          reference: secs(r.reset),
          ratio: `${(r.reset / r.ours).toFixed(1)}x faster`,
          rss: mib(r.rss),
          value: r.reset / r.ours
        })
      )
    }

    if (dockerOk && opts.only.has('proof')) {
      const bigBase = tag('bigbase')
      say(`proof cost: an image FROM a base with a ${sizes['base-mb']} MiB layer, one file changed`)
      const baseDir = join(root, 'bigbase')
      mkdirSync(baseDir, { recursive: true })
      writeFileSync(
        join(baseDir, 'Dockerfile'),
        `FROM fresh-build/busybox:1\nRUN dd if=/dev/zero of=/big bs=1M count=${sizes['base-mb']} 2>/dev/null\n`
      )
      must(docker, ['build', '-q', '-t', bigBase, baseDir], { env, discard: true })
      imageOf(bigBase)
      const proofCtx = join(root, 'proofctx')
      generateContext(
        proofCtx,
        {
          files: sizes['proof-files'],
          totalBytes: sizes['proof-files'] * 4096,
          binaries: 0,
          binaryBytes: 0,
          ignoredFiles: 0
        },
        `${nonce}-proof`
      )
      const proofDf = join(dfs, 'Dockerfile.proof')
      writeFileSync(proofDf, `FROM ${bigBase}\nCOPY . /app\n`)
      const r = oneFileChanges(
        'proof',
        proofCtx,
        proofDf,
        `${sizes['proof-files']} files`,
        false,
        true
      )
      rows.push(
        targetRow('proof-big-base-vs-plain', {
          what: `one-file change to an image FROM a ${sizes['base-mb']} MiB base layer (${r.label}), the COPY proven by its bytes: guard vs plain \`docker build\` of the same change`,
          ours: secs(r.ours),
          reference: secs(r.plain),
          ratio: `${(r.ours / r.plain).toFixed(2)}x`,
          rss: mib(r.rss),
          value: r.ours / r.plain
        }),
        targetRow('proof-sequential', {
          what: 'the same with the early build off (`FRESH_BUILD_EARLY_BUILD=0`: walk, then build), vs plain `docker build`',
          ours: secs(r.sequential),
          reference: secs(r.plain),
          ratio: `${(r.sequential / r.plain).toFixed(2)}x`,
          rss: '-',
          value: r.sequential / r.plain
        })
      )
    }

    if (opts.only.has('logs')) {
      say(`log parsing: a ${sizes['log-mb']} MiB BuildKit log and one a tenth of that`)
      const big = join(root, 'build-big.log')
      const small = join(root, 'build-small.log')
      const bigBytes = generateBuildLog(big, sizes['log-mb'] * MB, nonce)
      generateBuildLog(small, (sizes['log-mb'] * MB) / 10, nonce)
      fb(['parse-log', small, '--json'], { discard: true })
      // Memory: with V8's heap capped (32 MiB) a parser that held the log would run out of
      // memory; a streaming one parses both logs in the same footprint. (Uncapped, V8 lets the
      // heap grow with the allocation rate, which says nothing about what is retained.)
      const capped = file =>
        timed(
          process.execPath,
          ['--max-old-space-size=32', '--max-semi-space-size=1', cli, 'parse-log', file, '--json'],
          {
            node: true,
            env,
            discard: true
          }
        )
      // The parser's own throughput: parseLogFile timed inside a fresh process (reading the file
      // included), as the warm-hash row times hashContext; node's start-up is the process row's.
      const probe = join(REPO, 'scripts/bench/parse-log.mjs')
      const parseOnce = () => {
        const r = must(process.execPath, [probe, build, big], { node: true })
        return { ...JSON.parse(r.stdout), rssKiB: r.rssKiB }
      }
      const times = []
      const rssBigs = []
      const capBigs = []
      const capSmalls = []
      const parseMs = []
      const parseCpuMs = []
      const parseRss = []
      for (let i = 0; i < sizes.reps; i++) {
        const r = fb(['parse-log', big, '--json'], { discard: true })
        if (r.code !== 0) throw new Error(`parse-log failed: ${r.stderr}`)
        times.push(r.ms)
        rssBigs.push(r.rssKiB ?? NaN)
        const p = parseOnce()
        parseMs.push(p.ms)
        parseCpuMs.push(p.cpuMs)
        parseRss.push(p.rssKiB ?? NaN)
        const cb = capped(big)
        const cs = capped(small)
        capBigs.push(cb.code === 0 ? (cb.rssKiB ?? NaN) : NaN)
        capSmalls.push(cs.code === 0 ? (cs.rssKiB ?? NaN) : NaN)
      }
      // MB/s in 10^6 bytes, as the target is stated.
      const mbps = ms => bigBytes / 1e6 / (ms / 1000)
      const rate = mbps(median(times))
      const parseRate = mbps(median(parseMs))
      const [capBig, capSmall] = [median(capBigs), median(capSmalls)]
      details.logs = {
        bytes: bigBytes,
        ms: times,
        rssKiB: rssBigs,
        parseMs,
        parseCpuMs,
        parseRssKiB: parseRss,
        cappedHeapRssKiB: capBigs,
        cappedHeapSmallRssKiB: capSmalls
      }
      const size = `${(bigBytes / MB).toFixed(0)} MiB`
      rows.push(
        targetRow('log-throughput', {
          what: `log parsing: \`parseLogFile\` on a ${size} BuildKit log, file reads included, node start-up excluded (wall; CPU user+sys beside it)`,
          ours: `${parseRate.toFixed(0)} MB/s`,
          reference: `${secs(median(parseMs))} (CPU ${secs(median(parseCpuMs))}: ${mbps(median(parseCpuMs)).toFixed(0)} MB/s)`,
          ratio: '-',
          rss: mib(median(parseRss)),
          value: parseRate
        })
      )
      rows.push(
        targetRow('log-throughput-process', {
          what: `\`fresh-build parse-log\` on the ${size} log, whole process (start-up, bundle load, parse, JSON out)`,
          ours: `${rate.toFixed(0)} MB/s`,
          reference: secs(median(times)),
          ratio: '-',
          rss: mib(median(rssBigs)),
          value: rate
        })
      )
      rows.push(
        targetRow('log-memory', {
          what: `peak RSS parsing the ${size} log vs a log a tenth that size, V8 heap capped (32 MiB old space, 1 MiB semi-space; both must succeed)`,
          ours: mib(capBig),
          reference: mib(capSmall),
          ratio: `${(capBig / capSmall).toFixed(2)}x`,
          rss: mib(capBig),
          value: capBig / capSmall
        })
      )
    }

    const host = machine(root, docker)
    const results = {
      date: new Date().toISOString(),
      mode: opts.small ? 'small' : 'full',
      sizes,
      machine: host,
      cli,
      rows,
      details
    }
    mkdirSync(join(REPO, '.bench'), { recursive: true })
    writeFileSync(join(REPO, '.bench/results.json'), `${JSON.stringify(results, null, 2)}\n`)
    console.log(render(results))
    say('results written to .bench/results.json')
  } finally {
    if (images.size > 0) timed(docker, ['image', 'rm', '--force', ...images], { discard: true })
    // The run's cache mount stays in the builder cache (a filter that picks it alone is not
    // available on 20.10); the next builder prune reclaims it.
    if (opts.keep) say(`kept ${root}`)
    else rmSync(root, { recursive: true, force: true })
  }
}

function render(r) {
  const m = r.machine
  const lines = [
    `### fresh-build benchmark (${r.mode}, ${r.date.slice(0, 10)})`,
    '',
    `Machine: ${m.cpu}, ${m.cores} cores, ${m.ramGiB} GiB RAM; disk: ${m.disk}; Linux ${m.kernel}; node ${m.node}; docker ${m.docker}; ${m.sha256sum}.`,
    '',
    ...(r.mode === 'small'
      ? [
          '(--small: fixed costs such as node start-up dominate; the targets are for the full size.)',
          ''
        ]
      : []),
    '| measurement | fresh-build | reference | ratio | target | met | peak RSS |',
    '| --- | --- | --- | --- | --- | --- | --- |'
  ]
  for (const row of r.rows) {
    const met = row.pass === null ? '-' : row.pass ? 'yes' : '**no**'
    lines.push(
      `| ${row.what} | ${row.ours} | ${row.reference} | ${row.ratio} | ${row.target} | ${met} | ${row.rss} |`
    )
  }
  return lines.join('\n')
}

main().catch(e => {
  process.stderr.write(`[bench] failed: ${e instanceof Error ? e.message : String(e)}\n`)
  process.exitCode = 1
})
