import { describe, expect, test } from '@jest/globals'
import { interpolate, InterpolationError, parseDotEnv } from '../../../src/compose/interpolate.js'

const VARS = { SET: 'v', EMPTY: '', OTHER: 'o', NESTED: '${SET}' }

describe('interpolate', () => {
  test.each([
    ['plain text', 'plain text'],
    ['$SET', 'v'],
    ['${SET}', 'v'],
    ['a${SET}b$SET-c', 'av' + 'bv-c'],
    ['$UNSET', ''],
    ['${UNSET}', ''],
    ['$$SET', '$SET'],
    ['$${SET}', '${SET}'],
    ['cost: $$5', 'cost: $5'],
    ['${SET:-d}', 'v'],
    ['${EMPTY:-d}', 'd'],
    ['${UNSET:-d}', 'd'],
    ['${SET-d}', 'v'],
    ['${EMPTY-d}', ''],
    ['${UNSET-d}', 'd'],
    ['${UNSET:-}', ''],
    ['${UNSET:-a b=c}', 'a b=c'],
    ['${SET:+r}', 'r'],
    ['${EMPTY:+r}', ''],
    ['${EMPTY+r}', 'r'],
    ['${UNSET+r}', ''],
    ['${SET:?need it}', 'v'],
    ['${EMPTY?need it}', ''],
    ['${UNSET:-${OTHER}}', 'o'],
    ['${UNSET:-${ALSO_UNSET:-deep}}', 'deep'],
    ['${UNSET:-x$$y}', 'x$y'],
    // A value is substituted once: a `${...}` inside a variable's value stays as is.
    ['${NESTED}', '${SET}'],
    ['$SET_suffix', ''],
    ['${SET}_suffix', 'v_suffix']
  ])('%s -> %s', (input, expected) => {
    expect(interpolate(input, VARS)).toBe(expected)
  })

  test.each([
    ['${UNSET:?need it}', 'required variable UNSET is missing a value: need it'],
    ['${EMPTY:?need it}', 'required variable EMPTY is empty: need it'],
    ['${UNSET?}', 'required variable UNSET is missing a value'],
    ['${UNSET:?${OTHER} is needed}', 'required variable UNSET is missing a value: o is needed']
  ])('%s throws "%s"', (input, message) => {
    expect(() => interpolate(input, VARS)).toThrow(new InterpolationError(message))
  })

  test.each(['$', 'a $ b', '${', '${SET', '${}', '${1X}', '${SET:x}', '${SET/a/b}', '$-'])(
    '%s is an invalid format',
    input => {
      expect(() => interpolate(input, VARS)).toThrow(/invalid interpolation format/)
    }
  )
})

describe('parseDotEnv', () => {
  test('reads KEY=VALUE lines with comments, export, quotes', () => {
    const text = [
      '# a comment',
      '',
      'A=1',
      '  B = two words  ',
      'export C=3',
      'D="quoted # not a comment\\nline"',
      "E='single $X \\n'",
      'F=value # comment',
      'G=',
      'H=a=b',
      'no equals sign',
      '=novalue',
      'I="unterminated'
    ].join('\n')
    expect(parseDotEnv(text)).toEqual({
      A: '1',
      B: 'two words',
      C: '3',
      D: 'quoted # not a comment\nline',
      E: 'single $X \\n',
      F: 'value',
      G: '',
      H: 'a=b',
      I: '"unterminated'
    })
  })

  test('CRLF line ends', () => {
    expect(parseDotEnv('A=1\r\nB=2\r\n')).toEqual({ A: '1', B: '2' })
  })
})
