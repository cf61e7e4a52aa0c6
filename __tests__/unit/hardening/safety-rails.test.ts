/**
 * Safety rails: no code path removes volumes, containers or images in use, or deletes files
 * outside the workspace. Statically, by scanning src/ for docker argv words and file deletions
 * against an allow-list; at run time, by the prune/clear argv builders and by `clear` refusing
 * paths that lead outside its root.
 */
import { afterAll, describe, expect, test } from '@jest/globals'
import fc from 'fast-check'
import {
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { clearCommands, pruneCommands, type BuilderKind } from '../../../src/docker/index.js'
import type { PrunePolicy } from '../../../src/model.js'
import { resolveClearPath, runClear } from '../../../src/pipeline/clear.js'
import { UsageError } from '../../../src/pipeline/options.js'
import { fakeExec } from '../docker/fake.js'
import { openTempDir } from './helpers.js'

const ROOT = join(fileURLToPath(new URL('.', import.meta.url)), '../../..')
const dirs: string[] = []
afterAll(() => dirs.forEach(d => rmSync(d, { recursive: true, force: true })))

function sources(dir = join(ROOT, 'src')): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap(d =>
    d.isDirectory() ? sources(join(dir, d.name)) : d.name.endsWith('.ts') ? [join(dir, d.name)] : []
  )
}

/** Source text without comments (strings kept), so prose about `docker system prune` is not code. */
function code(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1')
}

const FILES = sources().map(f => ({
  path: relative(ROOT, f),
  code: code(readFileSync(f, 'utf8'))
}))

/** Every string literal of the code, with the line it sits on. */
function literals(): { path: string; value: string; line: string }[] {
  return FILES.flatMap(f =>
    f.code.split('\n').flatMap(line =>
      [...line.matchAll(/'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)"|`((?:[^`\\]|\\.)*)`/g)].map(m => ({
        path: f.path,
        value: m[1] ?? m[2] ?? m[3] ?? '',
        line: line.trim()
      }))
    )
  )
}

/**
 * Docker words that remove or stop things. Each allowed use is listed with the reason it is safe;
 * a new use fails this test until someone reviews it and adds it here.
 */
const DANGEROUS = new Set([
  'rm',
  'rmi',
  '--rm',
  'remove',
  'kill',
  'stop',
  'down',
  'volume',
  'volumes',
  '--volumes',
  '-v',
  'system',
  'container',
  'containers',
  'network',
  '--force'
])
const ALLOWED: { path: string; line: RegExp; why: string }[] = [
  {
    path: 'src/docker/image.ts',
    // Exactly three words: an id, never a force flag.
    line: /exec\(\['image', 'rm', \w+\]\)$/,
    why: 'unforced removal of an untagged image the guard built for a proof or an early build it did not keep: docker refuses it while a container uses it'
  },
  {
    path: 'src/docker/buildcache.ts',
    line: /BUILD_CACHE_ARGV = \['system', 'df', '-v', '--format', '\{\{json \.BuildCache\}\}'\]$/,
    why: 'a read-only listing of the build cache (`-v` is verbose), for the re-send cure'
  },
  {
    path: 'src/action/inputs.ts',
    line: /^'containers',$/,
    why: "the verify mode's input naming the containers to read, not a docker argv"
  },
  {
    path: 'src/cli/args.ts',
    line: /^'container',$/,
    why: "verify's --container option name, not a docker argv"
  },
  {
    path: 'src/cli/verify-args.ts',
    line: /= list\('container'\)$/,
    why: "reading verify's --container option, not a docker argv"
  },
  {
    path: 'src/verify/facts.ts',
    line: /MountType = |type === 'volume' &&/,
    why: 'mount types as docker inspect reports them, never an argv'
  },
  {
    path: 'src/verify/report.ts',
    line: /m\.type === 'volume'/,
    why: 'a mount type read from docker inspect, to word a hint'
  },
  {
    path: 'src/verify/run.ts',
    line: /m\.type === 'volume'/,
    why: 'a mount type read from docker inspect, to word a detail'
  },
  {
    path: 'src/pipeline/named-contexts.ts',
    // Exactly three words, the name of a stand-in tag this run set, never a force flag.
    line: /exec\(\['image', 'rm', name\]\)\.catch\(\(\) => null\)$/,
    why: 'unforced untag of the stand-in image of a named context, only while the name still points at the image this run built'
  },
  {
    path: 'src/action/build-inputs.ts',
    line: /^'network',$/,
    why: 'the name of the action input `network` (passed as `docker build --network`)'
  },
  {
    path: 'src/cli/build-flags.ts',
    line: /^f\.network = str\('network'\)$/,
    why: 'reading the CLI flag --network'
  },
  {
    path: 'src/dockerfile/instructions.ts',
    line: /RUN: new Set\(\['mount', 'network', 'security'\]\)/,
    why: 'the RUN --network flag name of the Dockerfile reader, not a docker argv'
  }
]

describe('safety rails, statically over src/', () => {
  test('no docker word that removes volumes, containers, networks or forces a removal, outside the allow-list', () => {
    const hits = literals()
      .filter(l => DANGEROUS.has(l.value))
      .filter(l => !ALLOWED.some(a => a.path === l.path && a.line.test(l.line)))
      .map(l => `${l.path}: ${l.line}`)
    expect(hits).toEqual([])
  })

  test('no argv or message names image/container/volume/system/network prune, or compose down', () => {
    const phrase = /\b(system|image|container|volume|network)\s+(prune|rm)\b|\bcompose\b.*\bdown\b/
    expect(
      literals()
        .filter(l => phrase.test(l.value))
        .map(l => `${l.path}: ${l.line}`)
    ).toEqual([])
    const argv =
      /['"](system|image|images|container|volume|network)['"]\s*,\s*['"](prune|rm|remove)['"]/
    const sequences = FILES.flatMap(f =>
      f.code
        .split('\n')
        .filter(l => argv.test(l))
        .map(l => `${f.path}: ${l.trim()}`)
    )
    expect(sequences).toEqual([
      expect.stringMatching(/^src\/docker\/image\.ts: .*exec\(\['image', 'rm', \w+\]\)$/),
      // The stand-in tag of a named context, unforced (see ALLOWED).
      "src/pipeline/named-contexts.ts: await io.exec(['image', 'rm', name]).catch(() => null)"
    ])
  })

  test("the word 'prune' is a docker argv word only in the builder prune module", () => {
    const users = literals()
      .filter(l => l.value === 'prune')
      // `prune` as the name of a log phase (its type, and announcing it), not an argv word.
      .filter(l => !/^export type Phase = |\.phase\?\.\('prune'\)$/.test(l.line))
      .map(l => l.path)
    const argvUsers = [...new Set(users)].filter(
      p => !['src/cli/args.ts', 'src/action/inputs.ts'].includes(p)
    )
    expect(argvUsers).toEqual(['src/docker/prune.ts'])
  })

  test('files are deleted only by the clear command, the record store and lock, the stat cache, and a build removing its own temp dir', () => {
    const deleters = FILES.filter(f =>
      /\b(rm|rmSync|unlink|unlinkSync|rmdir|rmdirSync)\s*\(/.test(f.code)
    )
      .map(f => f.path)
      .sort()
    expect(deleters).toEqual([
      'src/context/statcache.ts',
      // runBuild removes only the directory it made with mkdtemp for the image id file.
      'src/docker/build.ts',
      // The 0600 secret files it wrote in its own mkdtemp directory, after the build.
      'src/pipeline/build-flags.ts',
      // The re-send cure's own builder-state file beside the record, and its temp file.
      'src/pipeline/cure.ts',
      // The mkdtemp directory of the stand-in Dockerfile of named contexts.
      'src/pipeline/named-contexts.ts',
      'src/record/lock.ts',
      'src/record/store.ts',
      // removeChecked (clear's only deleter, the builder-state file included): only inside its own fresh trash folder, only what
      // clear checked.
      'src/util/remove.ts'
    ])
  })
})

describe('safety rails, at run time', () => {
  const SAFE_PREFIXES = [
    ['builder', 'prune'],
    ['buildx', 'prune']
  ]
  const safe = (argv: string[]): boolean =>
    SAFE_PREFIXES.some(p => p.every((w, i) => argv[i] === w)) && !argv.some(a => DANGEROUS.has(a))

  test('every prune a policy runs is a builder-cache prune', () => {
    for (const policy of ['source', 'all', 'never'] as PrunePolicy[]) {
      for (const kind of ['buildkit', 'buildx', 'legacy'] as BuilderKind[]) {
        for (const argv of pruneCommands(policy, kind)) expect(safe(argv)).toBe(true)
      }
    }
  })

  test('any clear filter yields builder-cache prunes only, or is refused', () => {
    const word = fc.stringMatching(/^[a-z.=,!-]{0,12}$/)
    fc.assert(
      fc.property(
        fc.array(fc.oneof(word, fc.constantFrom('until=24h', 'type=regular', 'id=x,--volumes')), {
          maxLength: 4
        }),
        fc.boolean(),
        fc.constantFrom<BuilderKind>('buildkit', 'buildx', 'legacy'),
        (filters, all, kind) => {
          let commands: string[][]
          try {
            commands = clearCommands(kind, { all, filters })
          } catch (e) {
            return e instanceof Error && /invalid cache filter/.test(e.message)
          }
          return commands.every(safe) && commands.every(c => !c.some(a => a.includes(',')))
        }
      ),
      { numRuns: 500 }
    )
  })

  /** A docker that answers the version probe and accepts prunes, recording every call. */
  const docker = () =>
    fakeExec(args =>
      args[0] === 'version'
        ? {
            stdout: '{"Client":{"Version":"20.10.24"},"Server":{"Version":"20.10.24","Os":"linux"}}'
          }
        : args[0] === 'buildx'
          ? { code: 1 }
          : { stdout: 'Total reclaimed space: 0B' }
    )

  function workspace(): { root: string; outside: string } {
    const root = openTempDir('fb-hard-ws-')
    const outside = openTempDir('fb-hard-outside-')
    dirs.push(root, outside)
    mkdirSync(join(root, 'cache', 'deep'), { recursive: true })
    writeFileSync(join(root, 'cache', 'deep', 'f'), 'cache')
    writeFileSync(join(outside, 'precious'), 'keep me')
    symlinkSync(outside, join(root, 'outlink'))
    symlinkSync(join(outside, 'precious'), join(root, 'outfile'))
    symlinkSync('cache', join(root, 'inlink'))
    return { root, outside }
  }

  test.each([
    '/',
    '.',
    '..',
    '../../etc',
    '/etc',
    'cache/../../x',
    'outlink',
    'outlink/precious',
    'outfile',
    'inlink/../..',
    '',
    'a\u0000b'
  ])('clear refuses the path %j and deletes nothing', async bad => {
    const { root, outside } = workspace()
    const exec = docker()
    const opts = {
      root,
      context: root,
      file: join(root, 'Dockerfile'),
      state: join(outside, 'record.json'),
      all: false,
      paths: ['cache', bad],
      filters: [],
      docker: 'unused'
    }
    await expect(resolveClearPath(root, bad)).rejects.toBeInstanceOf(UsageError)
    await expect(runClear(opts, { progress: () => undefined, env: {}, exec })).rejects.toThrow(
      /refused|empty or invalid/
    )
    // Refused before anything ran: no prune, the good path and everything outside still there.
    expect(exec.calls).toEqual([])
    expect(readFileSync(join(root, 'cache', 'deep', 'f'), 'utf8')).toBe('cache')
    expect(readFileSync(join(outside, 'precious'), 'utf8')).toBe('keep me')
  })

  test('clear removes a link to a directory inside the root as a link, never its target', async () => {
    const { root, outside } = workspace()
    const report = await runClear(
      {
        root,
        context: root,
        file: join(root, 'Dockerfile'),
        state: join(outside, 'none.json'),
        all: false,
        paths: ['inlink'],
        filters: [],
        docker: 'unused'
      },
      { progress: () => undefined, env: {}, exec: docker() }
    )
    expect(report.removedPaths).toEqual(['inlink'])
    expect(existsSync(join(root, 'inlink'))).toBe(false)
    expect(lstatSync(join(root, 'cache')).isDirectory()).toBe(true)
    expect(readFileSync(join(root, 'cache', 'deep', 'f'), 'utf8')).toBe('cache')
  })

  test('clear refuses a --state file that is not a record, before any prune, and keeps it', async () => {
    const { root } = workspace()
    const victim = join(tmpdir(), `fb-hard-victim-${process.pid}`)
    writeFileSync(victim, 'not a record: somebody else’s file')
    const exec = docker()
    try {
      const clear = runClear(
        {
          root,
          context: root,
          file: join(root, 'Dockerfile'),
          state: victim,
          all: false,
          paths: [],
          filters: [],
          docker: 'unused'
        },
        { progress: () => undefined, env: {}, exec }
      )
      await expect(clear).rejects.toBeInstanceOf(UsageError)
      expect(exec.calls).toEqual([])
      expect(readFileSync(victim, 'utf8')).toBe('not a record: somebody else’s file')
    } finally {
      rmSync(victim, { force: true })
    }
  })
})
