import { describe, expect, test } from '@jest/globals'
import { StringDecoder } from 'node:string_decoder'
import { LogParser, parseLog } from '../../../src/logs/index.js'
import type { ParsedLog } from '../../../src/model.js'

// The parser reads RUN output lines (`#N 0.1 ...`) in place and decodes ASCII buffers without
// its StringDecoder. These cases are the ones where a shortcut could see something else than
// the line-by-line path: each is compared with that path (one byte per write keeps every line
// in the parser's line buffer) or with a decode of the whole stream.

function byteByByte(text: string, maxLineLength?: number): ParsedLog {
  const p = new LogParser(maxLineLength === undefined ? {} : { maxLineLength })
  const bytes = Buffer.from(text)
  for (let i = 0; i < bytes.length; i++) p.write(bytes.subarray(i, i + 1))
  return p.end()
}

function whole(text: string, maxLineLength?: number): ParsedLog {
  const p = new LogParser(maxLineLength === undefined ? {} : { maxLineLength })
  p.write(Buffer.from(text))
  return p.end()
}

describe('RUN output read in place', () => {
  test('a carriage return inside an output line redraws it: the redrawn text counts', () => {
    const text = '#5 [a 1/2] COPY . .\n#5 0.1 progress 10%\r#5 CACHED\n#5 DONE 0.1s\n'
    const log = whole(text)
    expect(log.steps.map(s => s.cached)).toEqual([true])
    expect(log).toEqual(byteByByte(text))
  })

  test('CRLF line ends do not redraw anything', () => {
    const text = '#5 [a 1/2] COPY . .\r\n#5 0.1 out\r\n#5 CACHED\r\n'
    expect(whole(text)).toEqual(byteByByte(text))
    expect(whole(text).steps[0].cached).toBe(true)
  })

  test('output lines count as plain-progress lines when no format showed a step', () => {
    // Three plain lines against two legacy ones: the telltale count decides.
    const text = '#5 0.1 a\n#5 0.2 b\n#5 0.3 c\n ---> 1a2b\n ---> Using cache\n'
    expect(whole(text).format).toBe('buildkit-plain')
    expect(byteByByte(text).format).toBe('buildkit-plain')
    expect(whole('#5 0.1 a\n ---> 1a2b\n ---> Using cache\n').format).toBe('legacy')
  })

  test.each([1, 2, 3, 4, 5, 6, 9])('the line cap (%i) cuts output lines as any other', max => {
    const text = '#5 0.1 a\n#5 0.2 b\n#5 0.3 c\n ---> 1a2b\n ---> Using cache\n'
    expect(whole(text, max)).toEqual(byteByByte(text, max))
  })

  test('vertex numbers of 10 digits are read, of 11 are not', () => {
    const ten = '#1234567890 0.1 x\n'.repeat(3) + ' ---> a\n ---> b\n'
    const eleven = '#12345678901 0.1 x\n'.repeat(3) + ' ---> a\n ---> b\n'
    expect(whole(ten).format).toBe('buildkit-plain')
    expect(whole(eleven).format).toBe('legacy')
    expect(whole(ten)).toEqual(byteByByte(ten))
    expect(whole(eleven)).toEqual(byteByByte(eleven))
  })

  test('after a compose v1 header every line is read whole until the build starts', () => {
    const text = 'Building web\n#1 [internal] load\n#2 [web 1/2] COPY . .\n#2 0.1 x\n#2 CACHED\n'
    const log = whole(text)
    expect(log.steps.map(s => [s.service, s.cached])).toEqual([['web', true]])
    expect(log).toEqual(byteByByte(text))
  })
})

describe('ASCII buffers decoded without the StringDecoder', () => {
  test('a character split across writes, then ASCII, decodes as the whole stream would', () => {
    const cases: number[][][] = [
      [[0xc3], [0xa9, 0x20, 0x2e, 0x0a]], // é split
      [[0xc3], [0x79, 0x20, 0x2e, 0x0a]], // a lone lead byte, then ASCII
      [
        [0xe2, 0x9c],
        [0x93, 0x0a]
      ], // ✓ split after two bytes
      [
        [0xe2, 0x9c],
        [0x79, 0x0a]
      ], // two bytes of three, then ASCII
      [[0x80], [0x79, 0x0a]] // a stray continuation byte
    ]
    for (const tail of cases) {
      const chunks = [Buffer.from('#5 [a 1/2] COPY x'), ...tail.map(b => Buffer.from(b))]
      const p = new LogParser()
      for (const c of chunks) p.write(c)
      const d = new StringDecoder('utf8')
      const expected = parseLog(chunks.map(c => d.write(c)).join('') + d.end())
      expect(p.end()).toEqual(expected)
    }
  })

  test('a held byte then a string write: the byte becomes U+FFFD first', () => {
    const p = new LogParser()
    p.write(Buffer.from('#5 [a 1/2] COPY x'))
    p.write(Buffer.from([0xc3]))
    p.write(' .\n')
    expect(p.end().steps[0].instruction).toBe('COPY x\ufffd .')
  })
})
