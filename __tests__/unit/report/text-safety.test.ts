import { describe, expect, test } from '@jest/globals'
import type { Judgement } from '../../../src/model.js'
import {
  redactJudgement,
  escapeHtml,
  humanBytes,
  redactor,
  redactValues,
  shortHash,
  truncate,
  visible
} from '../../../src/report/text-safety.js'

describe('redactor', () => {
  test.each([
    ['replaces every occurrence', ['s3cret'], 'a s3cret and s3cret', 'a *** and ***'],
    ['ignores empty and blank secrets', ['', '  '], 'a b', 'a b'],
    [
      'replaces the longer of two overlapping secrets whole',
      ['abc', 'abcdef'],
      'xabcdefx',
      'x***x'
    ],
    [
      'masks each line of a multi-line secret',
      ['line-one\nline-two'],
      'got line-two here',
      'got *** here'
    ],
    ['treats regex characters literally', ['a.b*'], 'a.b* axb', '*** axb'],
    ['leaves text alone without secrets', [], 'token', 'token']
  ])('%s', (_name, secrets, input, want) => {
    expect(redactor(secrets)(input)).toBe(want)
  })
})

describe('visible', () => {
  test.each([
    ['newlines and tabs', 'a\nb\tc\r', 'a\\nb\\tc\\r'],
    ['terminal escapes', '\u001b[31mred', '\\x1b[31mred'],
    ['bidi overrides', 'a\u202eb\u2066', 'a\\u202eb\\u2066'],
    ['line separators', 'a\u2028b', 'a\\u2028b'],
    ['ordinary unicode', 'café 日本 😀', 'café 日本 😀']
  ])('shows %s', (_name, input, want) => {
    expect(visible(input)).toBe(want)
  })
})

describe('escapeHtml', () => {
  test.each([
    ['HTML tags', '<img src=x onerror=alert(1)>', '&lt;img src=x onerror=alert&#40;1&#41;&gt;'],
    ['table pipes', 'a|b', 'a&#124;b'],
    [
      'markdown links and emphasis',
      '[x](http://e) *b* _i_',
      '&#91;x&#93;&#40;http&#58;//e&#41; &#42;b&#42; &#95;i&#95;'
    ],
    ['code spans and math', '`c` $m$', '&#96;c&#96; &#36;m&#36;'],
    ['mentions', '@org/team', '&#64;org/team'],
    ['ampersands first', '&lt;', '&amp;lt;'],
    ['quotes', `"'`, '&quot;&#39;']
  ])('escapes %s', (_name, input, want) => {
    expect(escapeHtml(input)).toBe(want)
  })
})

describe('truncate', () => {
  test.each([
    ['short text unchanged', 'abc', 5, 'abc'],
    ['long text with an ellipsis', 'abcdefgh', 5, 'abcd…'],
    ['by code point, never splitting an emoji', '😀😀😀😀', 3, '😀😀…']
  ])('%s', (_name, input, max, want) => {
    expect(truncate(input, max)).toBe(want)
  })
})

describe('humanBytes', () => {
  test.each([
    [0, '0 B'],
    [800, '800 B'],
    [1000, '1.00 kB'],
    [1234567, '1.23 MB'],
    [45_600_000_000, '45.6 GB'],
    [123_000_000_000_000, '123 TB'],
    [-1, 'unknown size'],
    [Number.NaN, 'unknown size']
  ])('%d bytes is %s', (n, want) => {
    expect(humanBytes(n)).toBe(want)
  })
})

describe('shortHash', () => {
  test.each([
    [`sha256:${'ab'.repeat(32)}`, 'sha256:abababababab'],
    ['0123456789abcdef0123456789abcdef01234567', '0123456789ab'],
    [null, 'none'],
    ['not-a-hash', 'not-a-hash']
  ])('%s -> %s', (input, want) => {
    expect(shortHash(input)).toBe(want)
  })
})

describe('redactJudgement', () => {
  const judgement = (): Judgement => ({
    verdict: 'stale',
    contextHash: `sha256:${'e'.repeat(64)}`,
    previousHash: null,
    changedFiles: ['keys/s3cr3t.txt', 'steps/true.txt'],
    pruned: { policy: 'source', done: false, reclaimedBytes: 0, note: 'daemon said s3cr3t' },
    steps: [
      {
        stage: 'stage-0',
        index: 1,
        instruction: 'COPY keys/s3cr3t.txt /k',
        line: 3,
        changed: true,
        cached: true,
        status: 'stale',
        changedFiles: ['keys/s3cr3t.txt'],
        staleFiles: ['keys/s3cr3t.txt']
      }
    ],
    causes: ['step 1 holds old bytes of keys/s3cr3t.txt'],
    warnings: ['ARG value "true" in a step name'],
    imageId: `sha256:${'e'.repeat(64)}`
  })

  test('redacts the data strings: paths, instructions, messages', () => {
    const j = redactJudgement(judgement(), redactor(['s3cr3t']))
    expect(JSON.stringify(j)).not.toContain('s3cr3t')
    expect(j.changedFiles[0]).toBe('keys/***.txt')
    expect(j.steps[0]?.instruction).toBe('COPY keys/***.txt /k')
    expect(j.steps[0]?.staleFiles).toEqual(['keys/***.txt'])
    expect(j.pruned?.note).toBe('daemon said ***')
    expect(j.causes[0]).toContain('keys/***.txt')
  })

  // The attack round's secrets: each one is a key, a JSON token, a verdict letter or a hash digit.
  test.each(['e', '"', 'true', 'steps', 'stale', 'sha256', '{', ':'])(
    'a secret %j keeps every key, the verdict, statuses, policy and hashes, and the JSON valid',
    secret => {
      const before = judgement()
      const j = redactJudgement(before, redactor([secret]))
      const text = JSON.stringify(j, null, 2)
      const back = JSON.parse(text) as Judgement
      expect(Object.keys(back)).toEqual(Object.keys(before))
      expect(Object.keys(back.steps[0] ?? {})).toEqual(Object.keys(before.steps[0] ?? {}))
      expect(back.verdict).toBe('stale')
      expect(back.contextHash).toBe(before.contextHash)
      expect(back.imageId).toBe(before.imageId)
      expect(back.pruned?.policy).toBe('source')
      expect(back.steps[0]?.status).toBe('stale')
      expect(Array.isArray(back.steps)).toBe(true)
      for (const f of back.changedFiles) expect(f).not.toContain(secret)
    }
  )
})

describe('redactValues', () => {
  test('redacts every string value, never a key, a number, a boolean or the structure', () => {
    const redact = redactor(['steps', 'true', 's3cr3t'])
    const doc = {
      steps: ['a s3cr3t b', { true: 'steps', n: 1, ok: true, none: null }],
      nested: { deep: [['x-s3cr3t']] }
    }
    expect(redactValues(doc, redact)).toEqual({
      steps: ['a *** b', { true: '***', n: 1, ok: true, none: null }],
      nested: { deep: [['x-***']] }
    })
    expect(doc.steps[0]).toBe('a s3cr3t b')
  })
})
