import { describe, expect, test } from '@jest/globals'
import { DockerfileError, neededStages, readDockerfile } from '../../../src/dockerfile/index.js'

const FILE = '/repo/Dockerfile'
const read = (text: string, buildArgs?: Record<string, string>) =>
  readDockerfile(text, { file: FILE, buildArgs })
/** The steps as `stage index/total keyword sources -> dest @workdir`. */
const brief = (text: string, buildArgs?: Record<string, string>) =>
  read(text, buildArgs).steps.map(
    s =>
      `${s.stage} ${s.index}/${s.total} ${s.keyword} ${s.sources.join(',')} -> ${s.dest} @${s.workdir}`
  )

describe('stage index/total as BuildKit prints [stage i/n] (verified on the daemon)', () => {
  test.each([
    [
      'only FROM/RUN/COPY/ADD/WORKDIR count; ENV, ARG, LABEL, USER, EXPOSE, comments do not',
      `# c\nARG BASE=img\nFROM $BASE AS builder\nENV A=1\nARG X=y\n# c\nWORKDIR /app\nLABEL a=b\nCOPY package.json ./\nRUN echo hi \\\n  && echo there\nCOPY src ./src\nUSER 1\nEXPOSE 80\nRUN ls\n`,
      ['builder 3/6 COPY package.json -> ./ @/app', 'builder 5/6 COPY src -> ./src @/app']
    ],
    [
      'FROM scratch does not count',
      'FROM scratch\nCOPY a /a\nCOPY b /b\n',
      ['stage-0 1/2 COPY a -> /a @/', 'stage-0 2/2 COPY b -> /b @/']
    ],
    [
      'FROM <earlier stage> does not count; unnamed stages are stage-N from 0',
      'FROM img AS base\nCOPY a .\nFROM base\nWORKDIR /w\nCOPY a .\nFROM img\nCOPY b .\n',
      ['base 2/2 COPY a -> . @/', 'stage-1 2/2 COPY a -> . @/w', 'stage-2 2/2 COPY b -> . @/']
    ],
    [
      'AS names are lowercased; FROM matches them case-insensitively',
      'FROM img AS Upper\nCOPY a .\nFROM UPPER\nCOPY b .\n',
      ['upper 2/2 COPY a -> . @/', 'stage-1 1/1 COPY b -> . @/']
    ],
    [
      'COPY --from still counts but is not a context step',
      'FROM img AS a\nRUN x\nFROM img\nCOPY --from=a /x /x\nCOPY c /c\n',
      ['stage-1 3/3 COPY c -> /c @/']
    ]
  ])('%s', (_name, text, want) => {
    expect(brief(text)).toEqual(want)
  })

  test('stages carry name, base, line, total, deps and their place in the file', () => {
    const plan = read(
      'ARG V=1\nFROM img:$V AS a\nRUN x\nFROM a AS b\nCOPY --from=0 /x /x\nFROM scratch\n'
    )
    expect(plan.stages).toEqual([
      {
        name: 'a',
        index: 0,
        base: 'img:1',
        line: 2,
        total: 2,
        deps: [],
        fromOrdinal: 2,
        instructions: 2
      },
      {
        name: 'b',
        index: 1,
        base: 'a',
        line: 4,
        total: 1,
        deps: ['a'],
        fromOrdinal: 4,
        instructions: 2
      },
      {
        name: 'stage-2',
        index: 2,
        base: 'scratch',
        line: 6,
        total: 0,
        deps: [],
        fromOrdinal: 6,
        instructions: 1
      }
    ])
  })

  test('ordinal counts every instruction, global ARGs included (legacy Step N/M)', () => {
    const plan = read('ARG A=1\nFROM img\nENV X=1\nCOPY a .\n')
    expect(plan.steps[0].ordinal).toBe(4)
  })
})

describe('instruction text, lines and continuations', () => {
  test('continuations joined as BuildKit joins them; comment lines inside skipped', () => {
    const plan = read('FROM img\nCOPY \\\n  --chown=1 \\\n# comment\n  a \\\n\n  b/\n')
    const s = plan.steps[0]
    expect([s.instruction, s.line, s.endLine, s.flags, s.sources, s.dest]).toEqual([
      'COPY   --chown=1   a   b/',
      2,
      7,
      { chown: '1' },
      ['a'],
      'b/'
    ])
  })

  test('# escape=` makes the backtick the continuation and escape character', () => {
    const plan = read('# escape=`\nFROM img\nCOPY a `\n  c:\\dir\\ \n')
    expect(plan.steps[0]).toMatchObject({
      instruction: 'COPY a   c:\\dir\\',
      sources: ['a'],
      dest: 'c:\\dir\\'
    })
  })

  test('JSON form keeps spaces in names (dockerfile-ast drops them)', () => {
    const s = read('FROM img\nCOPY ["sp ace", "x y/", "/dest/"]\n').steps[0]
    expect([s.sources, s.dest, s.instruction]).toEqual([
      ['sp ace', 'x y'],
      '/dest/',
      'COPY ["sp ace", "x y/", "/dest/"]'
    ])
  })

  test('shell form quotes group words', () => {
    expect(read('FROM img\nCOPY "a b" \'c d\' /x/\n').steps[0].sources).toEqual(['a b', 'c d'])
  })
})

describe('ARG, ENV and --build-arg substitution', () => {
  test.each([
    ['stage ARG default', 'FROM img\nARG S=src\nCOPY $S /x\n', undefined, 'src -> /x'],
    [
      'build arg overrides default',
      'FROM img\nARG S=src\nCOPY ${S} /x\n',
      { S: 'lib' },
      'lib -> /x'
    ],
    [
      'global ARG reaches a stage only when redeclared',
      'ARG S=g\nFROM img\nCOPY x$S /x\n',
      undefined,
      'x -> /x'
    ],
    [
      'redeclared global ARG takes its value',
      'ARG S=g\nFROM img\nARG S\nCOPY x$S /x\n',
      undefined,
      'xg -> /x'
    ],
    [
      'redeclared global ARG takes the build arg',
      'ARG S=g\nFROM img\nARG S\nCOPY x$S /x\n',
      { S: 'b' },
      'xb -> /x'
    ],
    [
      '${VAR:-default} when unset',
      'FROM img\nARG S\nCOPY ${S:-dflt} /x\n',
      undefined,
      'dflt -> /x'
    ],
    ['${VAR:+alt} when set', 'FROM img\nARG S=1\nCOPY a${S:+-alt} /x\n', undefined, 'a-alt -> /x'],
    ['ENV wins over ARG', 'FROM img\nARG S=arg\nENV S=env\nCOPY $S /x\n', { S: 'b' }, 'env -> /x'],
    ['dest is substituted', 'FROM img\nENV D=/opt\nCOPY a $D/\n', undefined, 'a -> /opt/'],
    [
      'ARG scope ends with the stage',
      'FROM img\nARG S=1\nFROM img\nCOPY a$S /x\n',
      undefined,
      'a -> /x'
    ],
    [
      'ENV is inherited by FROM <stage>',
      'FROM img AS a\nENV S=1\nFROM a\nCOPY a$S /x\n',
      undefined,
      'a1 -> /x'
    ]
  ])('%s', (_name, text, args, want) => {
    const s = read(text, args).steps.at(-1)
    expect(`${s?.sources.join(',')} -> ${s?.dest}`).toBe(want)
  })

  test('declaredArgs lists global and stage ARGs', () => {
    expect(read('ARG A\nARG B=1\nFROM img\nARG C D=2\n').declaredArgs).toEqual(['A', 'B', 'C', 'D'])
  })

  test('declaredArgs lists each name once, in first-declared order', () => {
    expect(read('ARG B\nFROM img\nARG A B\nFROM img\nARG B A C\n').declaredArgs).toEqual([
      'B',
      'A',
      'C'
    ])
  })

  test('an ENV after an ARG of the same name wins; a later ARG does not undo it', () => {
    const text = 'FROM img\nARG S=arg\nENV S=env\nARG S=again\nCOPY $S /x\n'
    expect(read(text).steps[0].sources).toEqual(['env'])
  })

  test('one ENV expands all its values before setting any (Docker: `def` keeps the old `abc`)', () => {
    const text = 'FROM img\nENV abc=hello\nENV abc=bye def=$abc\nENV ghi=$abc\nCOPY $def-$ghi /x\n'
    expect(read(text).steps[0].sources).toEqual(['hello-bye'])
  })
})

describe('WORKDIR tracking', () => {
  test.each([
    ['default is /', 'FROM img\nCOPY a .\n', '/'],
    ['relative WORKDIRs join', 'FROM img\nWORKDIR /a\nWORKDIR b\nWORKDIR ../c\nCOPY a .\n', '/a/c'],
    ['substituted', 'FROM img\nARG D=/srv\nWORKDIR ${D}/app\nCOPY a .\n', '/srv/app'],
    ['inherited from a parent stage', 'FROM img AS a\nWORKDIR /app\nFROM a\nCOPY a .\n', '/app'],
    [
      'not inherited from an unrelated stage',
      'FROM img AS a\nWORKDIR /app\nFROM img\nCOPY a .\n',
      '/'
    ]
  ])('%s', (_name, text, want) => {
    expect(read(text).steps.at(-1)?.workdir).toBe(want)
  })
})

describe('sources, flags and what is not from the context', () => {
  test('sources are cleaned context-relative; wildcards kept', () => {
    expect(read('FROM img\nCOPY /a ./b c/../d ../../e src/*.ts /x/\n').steps[0].sources).toEqual([
      'a',
      'b',
      'd',
      'e',
      'src/*.ts'
    ])
  })

  test('flags: --chown --chmod --link kept, --exclude into excludes, --parents a boolean', () => {
    const s = read(
      'FROM img\nCOPY --chown=1:2 --chmod=755 --link --parents --exclude=*.md --exclude=t/ a b /x/\n'
    ).steps[0]
    expect([s.flags, s.excludes, s.parents]).toEqual([
      { chown: '1:2', chmod: '755', link: 'true' },
      ['*.md', 't/'],
      true
    ])
  })

  test('--parents keeps a /./ pivot', () => {
    expect(read('FROM img\nCOPY --parents ./src/./app/*.js /x/\n').steps[0].sources).toEqual([
      'src/./app/*.js'
    ])
  })

  test('ADD of URLs and git refs is a warning with the line, not a step', () => {
    const plan = read(
      'FROM img\nADD https://example.com/a.tgz /a\nADD git@github.com:o/r.git /r\nADD https://github.com/o/r.git#main /s\nADD local.txt /l\n'
    )
    expect(plan.steps.map(s => s.sources)).toEqual([['local.txt']])
    expect(plan.warnings.map(w => [w.line, w.message.split(' (')[0]])).toEqual([
      [2, 'ADD of a URL'],
      [3, 'ADD of a git repository'],
      [4, 'ADD of a git repository']
    ])
  })

  test('ADD of a local archive is a step with a warning (it unpacks)', () => {
    const plan = read('FROM img\nADD app.tar.gz /opt/\n')
    expect([plan.steps.length, plan.warnings[0].line]).toEqual([1, 2])
  })

  test('COPY <<EOF inlines content: not from the context; the heredoc body ends the instruction', () => {
    const plan = read(
      'FROM img\nCOPY <<EOF /file\nhello\nEOF\nCOPY <<-"A" b /dir/\n\tx\n\tA\nRUN <<EOF\necho hi\nEOF\nCOPY c /c\n'
    )
    expect(plan.steps.map(s => [s.index, s.line, s.endLine, s.sources, s.instruction])).toEqual([
      [3, 5, 7, ['b'], 'COPY <<-"A" b /dir/'],
      [5, 11, 11, ['c'], 'COPY c /c']
    ])
  })

  test('RUN --mount=type=bind reads the context unless from= is given', () => {
    const plan = read(
      'FROM img AS a\nFROM img\nRUN --mount=type=bind,source=x,target=/y make\nRUN --mount=target=/all ls\nRUN --mount=type=bind,from=a,source=/o,target=/o ls\nRUN --mount=type=cache,target=/c ls\n'
    )
    expect(plan.steps.map(s => [s.keyword, s.index, s.sources, s.dest])).toEqual([
      ['RUN', 2, ['x'], null],
      ['RUN', 3, ['.'], null]
    ])
    expect(plan.stages[1].deps).toEqual(['a'])
  })
})

describe('neededStages: only these run, so only their steps appear in logs', () => {
  const text =
    'FROM img AS deps\nRUN x\nFROM img AS tool\nRUN y\nFROM deps AS build\nCOPY --from=tool /t /t\nFROM img AS unused\nRUN z\nFROM img AS cache\nFROM scratch\nCOPY --from=build /b /b\nRUN --mount=from=cache,target=/c x\n'
  test.each([
    [undefined, ['stage-5', 'build', 'cache', 'deps', 'tool']],
    ['build', ['build', 'deps', 'tool']],
    ['DEPS', ['deps']]
  ])('target %s', (target, want) => {
    expect([...neededStages(read(text), target)].sort()).toEqual([...want].sort())
  })

  test('COPY --from=<index> is a dependency', () => {
    expect(
      [...neededStages(read('FROM img\nFROM img\nFROM scratch\nCOPY --from=1 /a /a\n'))].sort()
    ).toEqual(['stage-1', 'stage-2'])
  })

  test('an unknown target throws', () => {
    expect(() => neededStages(read('FROM img\n'), 'nope')).toThrow('nope')
  })
})

describe('malformed Dockerfiles throw DockerfileError naming file and line', () => {
  test.each([
    ['no FROM', 'ARG A=1\n', 1, 'no FROM'],
    ['empty file', '', 1, 'no FROM'],
    ['instruction before FROM', 'COPY a b\nFROM img\n', 1, 'before the first FROM'],
    ['unknown flag on COPY', 'FROM img\n\nCOPY --bogus a b\n', 3, 'unknown flag: --bogus'],
    ['unknown flag on RUN', 'FROM img\nRUN --nope x\n', 2, 'unknown flag: --nope'],
    [
      'unterminated heredoc',
      'FROM img\nCOPY <<EOF /f\nnever ends\n',
      2,
      'unterminated heredoc <<EOF'
    ],
    ['COPY with one argument', 'FROM img\nCOPY a\n', 2, 'at least two arguments'],
    ['unknown instruction', 'FROM img\nHELLO world\n', 2, 'unknown instruction'],
    ['bad substitution', 'FROM img\nCOPY ${A /x\n', 2, "missing '}'"],
    ['bad stage name', 'FROM img AS 1x\n', 1, 'invalid stage name'],
    ['duplicate stage name', 'FROM img AS a\nFROM img AS a\n', 2, 'duplicate stage name'],
    [
      'variables nested thousands deep',
      `FROM img\nARG a=1\n\nCOPY ${'${a:-'.repeat(5000)}x${'}'.repeat(5000)} /x\n`,
      4,
      'too deeply nested'
    ]
  ])('%s', (_name, text, line, detail) => {
    let err: unknown
    try {
      read(text)
    } catch (e) {
      err = e
    }
    expect(err).toBeInstanceOf(DockerfileError)
    const msg = (err as DockerfileError).message
    expect(msg.startsWith(`${FILE}:${line}: `)).toBe(true)
    expect(msg).toContain(detail)
    expect(msg).not.toContain('\n')
  })
})

describe('stage layout for the history chain', () => {
  test('each stage knows its FROM ordinal and counts every instruction, ARG and ENV included', () => {
    const plan = readDockerfile(
      [
        'ARG BASE=img',
        'FROM ${BASE} AS build',
        'ARG X',
        'ENV Y=1',
        'COPY a /a',
        'FROM build',
        'LABEL k=v',
        'COPY b /b'
      ].join('\n'),
      { file: 'Dockerfile' }
    )
    expect(plan.stages.map(s => [s.name, s.fromOrdinal, s.instructions])).toEqual([
      ['build', 2, 4],
      ['stage-1', 6, 3]
    ])
    // A step's position in its stage (FROM = 1) is what the image history is indexed by.
    expect(
      plan.steps.map(s => s.ordinal - (plan.stages[s.stageIndex]?.fromOrdinal ?? 0) + 1)
    ).toEqual([4, 3])
  })
})

describe('reading time grows linearly with the instruction count', () => {
  // A copy of the variable map per expansion and a search of all ARG names per ARG made 12,000
  // instructions take seconds (ARG: 13.9 s). Quadratic growth would be 16x for 4x the input;
  // the bound allows 8x, above a floor that absorbs scheduling noise.
  const families: [string, (i: number) => string][] = [
    ['ARG', i => `ARG A${i}=${i}`],
    ['ENV', i => `ENV E${i}=$A${i}`]
  ]
  test.each(families)('%s', (_name, make) => {
    const text = (n: number): string =>
      `FROM img\n${Array.from({ length: n }, (_, i) => make(i)).join('\n')}\n`
    const time = (n: number): number => {
      const t = text(n)
      let best = Infinity
      for (let k = 0; k < 2; k++) {
        const start = performance.now()
        readDockerfile(t, { file: FILE })
        best = Math.min(best, performance.now() - start)
      }
      return best
    }
    const small = time(2000)
    const large = time(8000)
    expect({ small, large, ok: large <= Math.max(1000, 8 * small) }).toMatchObject({ ok: true })
  })
})
