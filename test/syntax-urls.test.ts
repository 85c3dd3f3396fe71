import type {Root, Source} from 'nlcst'
import {ParseEnglish} from 'parse-english'
import retextSyntaxUrls from 'retext-syntax-urls'
import {unified} from 'unified'
import {describe, expect, test} from 'vitest'
import {eachNode} from '../src/each-node.js'
import syntaxUrls from '../src/syntax-urls.js'

/**
 * Parse with the sentence extensions one plugin registers.
 *
 * @param plugin retext-syntax-urls itself, or copydesk's wrapper of it.
 * @param text Text.
 * @returns Tree.
 */
function parseWith(plugin: typeof syntaxUrls, text: string): Root {
  const parser = new ParseEnglish()
  parser.tokenizeSentencePlugins.unshift(...(unified().use(plugin).freeze().data('nlcstSentenceExtensions') ?? []))
  return parser.parse(text)
}

/**
 * The source nodes of a tree.
 *
 * @param tree Tree.
 * @returns Their values.
 */
function sources(tree: Root): string[] {
  const values: string[] = []
  eachNode<Source>(tree, 'SourceNode', (node) => {
    values.push(node.value)
  })
  return values
}

const texts = [
  'Tickets are sold at ferries.example and at the pier.',
  'See https://harbour.example/times?day=tue for the timetable.',
  'The dashboard ran on localhost:8080 during the test.',
  'Write to desk@harbour.example.org before noon.',
  'Visit www.harbour.example. Then call us.',
  'The ratio was 3:2 in the end, and the vote 5.5 to 4.',
  'She said it was over.(Nobody agreed.)',
  'Nothing here looks like a link: plain words, a list, an end.',
  'Mr. Ardent left at 9.30 a.m. on Tuesday.',
  'The file (see /var/log/app.log) was empty.'
]

describe('syntaxUrls', () => {
  test.each(texts)('gives the same tree as retext-syntax-urls on every sentence: %s', (text) => {
    expect(parseWith(syntaxUrls, text)).toEqual(parseWith(retextSyntaxUrls as typeof syntaxUrls, text))
  })

  test('still sets links aside as source', () => {
    expect(sources(parseWith(syntaxUrls, texts.slice(0, 4).join(' ')))).toEqual([
      'ferries.example',
      'https://harbour.example/times?day=tue',
      'localhost:8080',
      'desk@harbour.example.org'
    ])
  })
})
