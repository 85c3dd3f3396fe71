import fs from 'node:fs/promises'
import path from 'node:path'
import {describe, expect, test} from 'vitest'
import {findings, fixtures, lintDoc} from './helpers.js'

/**
 * Lint a fixture story.
 *
 * @param name File name in test/fixtures.
 * @returns Its findings.
 */
async function lintFixture(name: string): Promise<string[]> {
  const doc = await fs.readFile(path.join(fixtures, name), 'utf8')
  return findings(await lintDoc(doc, name))
}

describe('plain text', () => {
  test('reports unknown words and name variants at their line and column', async () => {
    expect(await lintFixture('harbour-talks.txt')).toEqual([
      '4:38-4:48 info Wierzbicki',
      '4:55-4:58 error teh',
      '5:45-5:54 error Wierzbiki'
    ])
  })

  test('reads a file with an unknown extension as text', async () => {
    expect(findings(await lintDoc('The mayor sent teh letter.', 'STORY.wire'))).toEqual([
      '1:16-1:19 error teh'
    ])
  })

  test('sets URLs, email addresses and @handles aside', async () => {
    const doc = 'Read https://example.org/statemnt or write to desk@exampel.org, or ask @deskeditorr.'
    expect(findings(await lintDoc(doc))).toEqual([])
  })
})

describe('Markdown', () => {
  test('checks prose and headline front matter, not code, URLs, comments or other keys', async () => {
    expect(await lintFixture('council-vote.md')).toEqual([
      '2:23-2:29 info Vltava',
      '4:47-4:52 error debat',
      '6:18-6:23 info Ceske',
      '6:24-6:34 info Budejovice',
      '7:21-7:26 error narow',
      '30:25-30:36 error foootbridge',
      '35:15-35:20 error twelv'
    ])
  })

  test('checks a headline field at its real column whatever its quoting', async () => {
    const doc = [
      '---',
      "title: 'Mayor opens teh bridge'",
      'headline: Mayor opens thw bridge',
      'summary: |',
      '  The mayor opened tge bridge.',
      '---',
      ''
    ].join('\n')
    expect(findings(await lintDoc(doc, 'story.md'))).toEqual([
      '2:21-2:24 error teh',
      '3:23-3:26 error thw',
      '5:20-5:23 error tge'
    ])
  })

  test('leaves broken front matter alone and still checks the body', async () => {
    const doc = '---\ntitle: [unclosed\n---\n\nThe mayor opened teh bridge.\n'
    expect(findings(await lintDoc(doc, 'story.markdown'))).toEqual(['5:18-5:21 error teh'])
  })

  test('checks the headline fields of TOML front matter, as of YAML, and no other key', async () => {
    const doc = '+++\ntitle = "Teh bridge"\nslug = "teh-brige"\n+++\n\nThe bridge opened.\n'
    expect(findings(await lintDoc(doc, 'story.md'))).toEqual(['2:10-2:13 error Teh'])
  })

  test('checks the headline fields of front matter whose quoted excerpt goes on at the margin, as site generators read it', async () => {
    const doc = '---\ntitle: "Ferries sail agian"\nexcerpt: "The port reopened,\nsaid teh mayor."\n---\n\nThe port reopened.\n'
    expect(findings(await lintDoc(doc, 'port.md'))).toEqual(['2:22-2:27 error agian', '4:6-4:9 error teh'])
  })

  test('checks the text of an HTML block outside its tags: a comment that opens the line, text after a closing tag', async () => {
    const doc = '<!-- desk note --> The council met on teh pier.\n\n<div>The vote</div> was clsoe.\n'
    expect(findings(await lintDoc(doc, 'pier.md'))).toEqual(['1:39-1:42 error teh', '3:25-3:30 error clsoe'])
  })
})

describe('HTML', () => {
  test('checks text content and the title, not script, style, code, pre or comments', async () => {
    expect(await lintFixture('election-night.html')).toEqual([
      '4:19-4:24 error nigth',
      '12:60-12:67 error midnigt'
    ])
  })

  test('reads .htm files as HTML', async () => {
    expect(findings(await lintDoc('<p>The <b>mayr</b> spoke.</p>', 'page.htm'))).toEqual([
      '1:11-1:15 error mayr'
    ])
  })
})
