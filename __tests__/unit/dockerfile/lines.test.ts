import { describe, expect, test } from '@jest/globals'
import { parseLines, parseTrigger } from '../../../src/dockerfile/lines.js'

// The lines stage alone: nodes as the text gives them, nothing refused (instructions.ts refuses).

describe('parseLines', () => {
  test('continuations join, comments inside them are skipped, lines are 1-based', () => {
    const { nodes } = parseLines('FROM a\nRUN echo \\\n# note\n  hi\nCOPY x /y\n')
    expect(nodes.map(n => [n.keyword, n.line, n.endLine, n.text, n.rest])).toEqual([
      ['FROM', 1, 1, 'FROM a', 'a'],
      ['RUN', 2, 4, 'RUN echo   hi', 'echo   hi'],
      ['COPY', 5, 5, 'COPY x /y', 'x /y']
    ])
  })

  test('the escape directive changes what continues a line', () => {
    const { escape, nodes } = parseLines('# escape=`\nFROM a\nRUN echo `\n  hi\n')
    expect(escape).toBe('`')
    expect(nodes[1]).toMatchObject({ line: 3, endLine: 4, rest: 'echo   hi' })
  })

  test('flags are split off unchecked, for the instructions that take flags only', () => {
    const { nodes } = parseLines('FROM a\nCOPY --bogus --from=b x y\nENV --k=v\n')
    expect(nodes[1]).toMatchObject({
      flags: [
        ['bogus', 'true'],
        ['from', 'b']
      ],
      args: 'x y'
    })
    expect(nodes[2]).toMatchObject({ flags: [], args: '--k=v' })
  })

  test('heredoc bodies end the node; an unterminated one is named, not thrown', () => {
    const ok = parseLines('FROM a\nRUN <<EOF\necho\nEOF\nCOPY x y\n').nodes
    expect(ok[1]).toMatchObject({ line: 2, endLine: 4, unterminated: null })
    const open = parseLines('FROM a\nRUN <<-"END"\necho\n').nodes
    expect(open[1].unterminated).toBe('END')
  })

  test('ENV values are left for the expansion: quotes kept, variables not expanded', () => {
    const { nodes } = parseLines('FROM a\nENV a="x y" b=$a\n')
    expect(nodes[1].env).toEqual([
      ['a', '"x y"'],
      ['b', '$a']
    ])
  })

  test('a trigger is one node at the line it is read at', () => {
    expect(parseTrigger('  COPY --chown=1 . /app/ ', 7, '\\')).toMatchObject({
      keyword: 'COPY',
      line: 7,
      endLine: 7,
      text: 'COPY --chown=1 . /app/',
      flags: [['chown', '1']],
      args: '. /app/'
    })
    expect(parseTrigger('', 1, '\\')).toBeUndefined()
  })
})
