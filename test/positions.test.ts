import {describe, expect, test} from 'vitest'
import {findings, lintDoc} from './helpers.js'

describe('positions', () => {
  test.each([
    ['LF', '\n'],
    ['CRLF', '\r\n']
  ])('are the same with %s line endings', async (_name, eol) => {
    const doc = ['The ferry left at dawn.', 'Its captian said the sea was calm.', ''].join(eol)
    expect(findings(await lintDoc(doc))).toEqual(['2:5-2:12 error captian'])
  })

  test.each(['story.txt', 'story.md', 'story.html'])(
    'ignore a byte order mark in %s, as an editor does',
    async (name) => {
      const doc = '\uFEFFThe captian waved.\r\nThe crew cheered.\r\n'
      expect(findings(await lintDoc(doc, name))).toEqual(['1:5-1:12 error captian'])
    }
  )

  test('are right in CRLF Markdown with front matter and raw HTML', async () => {
    const doc = [
      '---',
      'title: Harbour captian retires',
      '---',
      '',
      '<div>',
      'The captain waved to teh crowd.',
      '</div>',
      ''
    ].join('\r\n')
    expect(findings(await lintDoc(doc, 'story.md'))).toEqual([
      '2:16-2:23 error captian',
      '6:22-6:25 error teh'
    ])
  })

  test('are right in CRLF HTML, which the HTML parser reads as LF', async () => {
    const doc = '<p>The crew\r\ncheered the captian.</p>\r\n'
    expect(findings(await lintDoc(doc, 'story.html'))).toEqual(['2:13-2:20 error captian'])
  })

  test.each([
    ['HTML character references', 'story.html', '<p>The mayor&#39;s &amp; the captian&rsquo;s ship.</p>', '1:30-1:37'],
    ['Markdown character references', 'story.md', 'The mayor&#39;s &amp; the captian spoke.', '1:27-1:34'],
    ['Markdown escapes', 'story.md', 'The \\*mayor\\* and the captian spoke.', '1:23-1:30'],
    ['character references in plain text', 'story.txt', 'The caf&#233; owner&#8217;s &amp; the captian spoke.', '1:39-1:46']
  ])('stay right after %s', async (_name, filePath, doc, range) => {
    expect(findings(await lintDoc(doc, filePath))).toEqual([range + ' error captian'])
  })

  test('read a word written with a character reference in plain text as the word, placed on the reference', async () => {
    const file = await lintDoc('The caf&#233; reopened.\nIts caf&#233;s were full, the mayor&#8217;s aide said teh&#8217;s fine.')
    expect(findings(file)).toEqual(['2:55-2:58 error teh'])
    // A slip written with a reference covers it, and reads as the source writes it.
    const slip = await lintDoc('The budgett&#233; was cut.')
    expect(findings(slip)).toEqual(['1:5-1:18 warning budgett&#233;'])
  })

  test('count columns in UTF-16 code units, as JavaScript and SARIF do', async () => {
    // "🚢" is two code units, so the slip starts at column 4.
    expect(findings(await lintDoc('🚢 captian on deck'))).toEqual(['1:4-1:11 error captian'])
  })

  test('count a tab as one column', async () => {
    expect(findings(await lintDoc('\tThe captian waved.'))).toEqual(['1:6-1:13 error captian'])
  })
})

describe('compounds and possessives', () => {
  test('a finding covers only the wrong part of a hyphenated word', async () => {
    expect(findings(await lintDoc('Crowds joined the anti-Wierzbiki march.'))).toEqual([
      '1:24-1:33 info Wierzbiki'
    ])
  })

  test('each part of a compound is checked', async () => {
    expect(findings(await lintDoc('A state-ownned port and a long-term plan.'))).toEqual([
      '1:9-1:15 error ownned'
    ])
  })

  test.each([
    ['straight', "Wierzbiki's office"],
    ['curly', 'Wierzbiki’s office']
  ])('a %s possessive is checked as the name', async (_name, doc) => {
    const file = await lintDoc(doc)
    expect(findings(file)).toEqual(['1:1-1:10 info Wierzbiki'])
    expect(file.messages[0]?.actual).toBe('Wierzbiki')
  })

  test('known possessives, contractions and compounds pass', async () => {
    const doc = "Russia's envoy didn't say o'clock; the co-operation and e-mail plans stand."
    expect(findings(await lintDoc(doc))).toEqual([])
  })

  test('a possessive of a compound is split at both places', async () => {
    expect(findings(await lintDoc("The anti-Wierzbiki's stance"))).toEqual(['1:10-1:19 info Wierzbiki'])
  })
})
