import type {Nodes} from 'nlcst'
import {ParseEnglish} from 'parse-english'
import {describe, expect, test} from 'vitest'
import {linePoints} from '../src/parse/line-points.js'
import {tokenizeAt} from '../src/parse/tokenize-at.js'

/** The tokens parse-english makes, moved to an offset in a file as mdast-util-to-nlcst moves them. */
function expectedTokens(text: string, doc: string, offset: number): unknown {
  const pointAt = linePoints(doc)
  const tokens = new ParseEnglish().tokenize(text)
  let start = offset
  for (const token of tokens) start = move(token, start)
  return JSON.parse(JSON.stringify(tokens))

  /** Position a node and its children from an offset; returns where it ends. */
  function move(node: Nodes, from: number): number {
    let end = from
    if ('children' in node) for (const child of node.children) end = move(child, end)
    else end = from + node.value.length
    const startPoint = pointAt(from)
    const endPoint = pointAt(end)
    node.position = startPoint && endPoint ? {start: startPoint, end: endPoint} : undefined
    return end
  }
}

const texts = [
  'The ferry sailed on Tuesday.',
  'Ms. Ardent said: "We owe the town an apology..." -- and left!!?',
  '  leading and trailing white space \n\n',
  'Prices rose 5% (to £3.20) & fell; e-mail: desk@ferries.example #harbour',
  'Emoji 🚢🚢 and 𝒻ancy letters, a lone \uD800 surrogate and \uDC00 another',
  'Zoë, Ærø, São Paulo, Kyiv — Київ, 東京, مرحبا',
  'tabs\tand\r\nCRLF\rand CR',
  '***___~~~```',
  'a',
  '.'
]

describe('tokenizing text in place', () => {
  test.each(texts)('gives the tokens parse-english gives, placed in the file, for %j', (text) => {
    const doc = 'Before it.\n' + text + '\nAfter it.'
    const english = new ParseEnglish()
    const tokens = tokenizeAt(english, text, 11, linePoints(doc))
    expect(JSON.parse(JSON.stringify(tokens))).toEqual(expectedTokens(text, doc, 11))
  })

  test('leaves tokens unplaced past the end of the file, as the converter does', () => {
    const tokens = tokenizeAt(new ParseEnglish(), 'two words', 5, linePoints('short'))
    expect(JSON.parse(JSON.stringify(tokens))).toEqual(expectedTokens('two words', 'short', 5))
  })

  test('leaves a parser with a tokenizer of its own to itself', () => {
    const english = new ParseEnglish()
    english.tokenize = () => []
    expect(tokenizeAt(english, 'The ferry', 0, linePoints('The ferry'))).toBeUndefined()
  })
})
