/**
 * Reader behaviour issue 12 needs, each verified on the 20.10 daemon: pattern modifiers,
 * several sources into `.`, the printed text of each vertex, ONBUILD triggers of a base image.
 */
import { describe, expect, test } from '@jest/globals'
import { readDockerfile } from '../../../src/dockerfile/index.js'
import { expandRaw, expandWord } from '../../../src/dockerfile/words.js'

const read = (text: string, onBuild?: (b: string) => string[] | undefined) =>
  readDockerfile(text, { file: '/r/Dockerfile', ...(onBuild ? { onBuild } : {}) })

describe('pattern modifiers of the current Dockerfile syntax', () => {
  const vars = new Map([['V', 'abc.txt']])
  test.each([
    ['${V#a}', 'bc.txt'],
    ['${V#*b}', 'c.txt'],
    ['${V##*.}', 'txt'],
    ['${V%.*}', 'abc'],
    ['${V%%c*}', 'ab'],
    ['${V/b/X}', 'aXc.txt'],
    ['${V//[ac]/_}', '_b_.txt'],
    ['${U#a}x', 'x'],
    ['${V#}', 'abc.txt']
  ])('%s gives %s (what busybox sh printed for the same RUN)', (word, out) => {
    expect(expandWord(word, vars)).toBe(out)
  })
  test('an unknown modifier is still refused', () => {
    expect(() => expandWord('${V:#a}', vars)).toThrow(/unsupported modifier/)
    expect(() => expandWord('${V^^}', vars)).toThrow(/unsupported modifier/)
  })
  test('the raw form keeps quotes and unset variables, as BuildKit prints RUN', () => {
    const v = new Map([['SRC', 'a']])
    expect(expandRaw(`echo "$SRC  two"   'q $DIR' $NOPE \${NOPE} \${NOPE#x}`, v)).toBe(
      `echo "a  two"   'q $DIR' $NOPE \${NOPE} \${NOPE#x}`
    )
  })
})

describe('several sources into a directory that does not end in /', () => {
  test('COPY a b . and ADD, JSON form and --from are read, as BuildKit builds them', () => {
    const p = read(
      'FROM img AS s\nWORKDIR /app\nCOPY a b .\nADD a b ..\nCOPY ["a", "b", "."]\nFROM img\nCOPY --from=s /x /y .\n'
    )
    expect(p.steps.map(s => `${s.instruction} ${s.sources.join(',')} ${s.destIsDir}`)).toEqual([
      'COPY a b . a,b true',
      'ADD a b .. a,b true',
      'COPY ["a", "b", "."] a,b true'
    ])
  })
})

describe('vertices and the text BuildKit prints for them', () => {
  test('COPY loses quotes, RUN keeps them; variables expanded (log lines of the 20.10 daemon)', () => {
    const p = read(
      `FROM img AS base\nARG SRC=a\nENV DIR=/d\nWORKDIR /app\nCOPY $SRC \${DIR}/\nCOPY ["sp ace", "/sp/"]\nRUN echo "$SRC  two"   'q $DIR'  \\\n    && echo cont\nRUN ["echo", "j s", "$DIR"]\nCOPY --chown=1:1 a   /z\n`
    )
    expect(p.vertices.map(v => `${v.index} ${v.printed[0]}`)).toEqual([
      '2 WORKDIR /app',
      '3 COPY a /d/',
      '4 COPY [sp ace, /sp/]',
      `5 RUN echo "a  two"   'q /d'      && echo cont`.replace("'q /d'", "'q $DIR'"),
      '6 RUN ["echo", "j s", "/d"]',
      '7 COPY --chown=1:1 a   /z'
    ])
    expect(p.vertices.find(v => v.index === 3)?.usesArgs).toBe(true)
    expect(p.vertices.find(v => v.index === 4)?.usesArgs).toBe(false)
  })
})

describe('ONBUILD triggers of a local base image', () => {
  test('run after FROM with the next indexes, n stays the stage own count ([4/3] on 20.10)', () => {
    const p = read('FROM base\nENV X=1\nRUN echo child\nCOPY a /b\n', b =>
      b === 'base' ? ['COPY . /app/', 'RUN echo trig'] : undefined
    )
    expect(
      p.steps.map(s => [s.index, s.total, s.position, s.trigger, s.line, s.instruction])
    ).toEqual([
      [2, 3, 2, 'base', 1, 'COPY . /app/'],
      [5, 3, 6, undefined, 4, 'COPY a /b']
    ])
    expect(p.stages[0]?.instructions).toBe(6)
    expect(p.vertices.map(v => `${v.index} ${v.printed[0]}`)).toEqual([
      '2 COPY . /app/',
      '3 RUN echo trig',
      '4 RUN echo child',
      '5 COPY a /b'
    ])
  })
  test('stages built on an earlier stage or scratch do not run triggers', () => {
    const p = read('FROM base AS a\nFROM a\nCOPY x /x\nFROM scratch\nCOPY y /y\n', () => [
      'COPY . /app/'
    ])
    expect(p.steps.map(s => `${s.stage} ${s.index} ${s.instruction}`)).toEqual([
      'a 2 COPY . /app/',
      'stage-1 1 COPY x /x',
      'stage-2 1 COPY y /y'
    ])
  })
})

describe('ARGs declared only before FROM', () => {
  test('stageArgs lists the ARGs a stage declares; a global one alone is not among them', () => {
    const p = read('ARG GIT_COMMIT_HASH\nFROM img\nARG BUILD_ID\nRUN echo $GIT_COMMIT_HASH\n')
    expect(p.declaredArgs).toEqual(['GIT_COMMIT_HASH', 'BUILD_ID'])
    expect(p.stageArgs).toEqual(['BUILD_ID'])
  })
})
