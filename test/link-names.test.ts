import {describe, expect, test} from 'vitest'
import {destinationPieces} from '../src/parse/link-names.js'
import {severityOf} from '../src/severity.js'
import {findings, findingsWithFixes, lintDoc, rangeOf} from './helpers.js'

/**
 * Lint a story and give each message as `place: severity reason`.
 *
 * @param doc The story.
 * @param filePath Name that picks its format.
 * @returns Message lines.
 */
async function messages(doc: string, filePath: string): Promise<string[]> {
  const file = await lintDoc(doc, filePath)
  return file.messages.map((message) => `${rangeOf(message)}: ${severityOf(message)} ${message.reason}`)
}

describe('the pieces of a link’s destination', () => {
  test('are the segments of its host and path, whole and split at hyphens, underscores and dots, in lower case', () => {
    expect([...destinationPieces('https://code.example/Harbour_Tools/tide-gauge.js')]).toEqual([
      'code.example',
      'code',
      'example',
      'harbour_tools',
      'harbour',
      'tools',
      'tide-gauge.js',
      'tide',
      'gauge',
      'js'
    ])
  })

  test('split an e-mail address at its `@`', () => {
    expect([...destinationPieces('mailto:hbaker@desk.example')]).toEqual(['hbaker@desk.example', 'hbaker', 'desk', 'example'])
  })

  test('leave out the query and the fragment', () => {
    expect([...destinationPieces('https://search.example/find?q=tidelog#tidelog')]).toEqual(['search.example', 'search', 'example', 'find'])
  })

  test('decode percent-escapes, and keep a segment that does not decode as written', () => {
    expect([...destinationPieces('/tools/tide%2Dgauge/%E0')]).toEqual(['tools', 'tide-gauge', 'tide', 'gauge', '%e0'])
  })
})

describe('link text that names what the link points to', () => {
  test.each([
    ['an inline link', 'The desk checks copy with [harbr](https://harbr.example/) each night.\n', '1:28-1:33'],
    ['a link in bold', 'The desk checks copy with [**harbr**](https://code.example/harbour/harbr) each night.\n', '1:30-1:35'],
    ['a reference link defined after it', 'The desk checks copy with [harbr][4] each night.\n\n[4]: https://code.example/harbour/harbr\n', '1:28-1:33'],
    ['a link with a title', 'The desk checks copy with [harbr](https://code.example/harbr "The tool") each night.\n', '1:28-1:33'],
    ['an inline HTML link', 'The desk checks copy with <a href="https://code.example/harbr">harbr</a> each night.\n', '1:64-1:69'],
    ['an HTML block', '<p>The desk checks copy with <a href="https://code.example/harbr">harbr</a> each night.</p>\n', '1:67-1:72']
  ])('is reported as an unknown name, once at info and with nothing to write instead, in Markdown (%s)', async (_name, doc, place) => {
    expect(await messages(doc, 'story.md')).toEqual([`${place}: info Unexpected unknown name \`harbr\`, not in the dictionary: check it once`])
  })

  test('is reported as an unknown name in an HTML page', async () => {
    const doc = '<p>The desk checks copy with <a href="https://code.example/harbr">harbr</a> each night.</p>\n'
    expect(findings(await lintDoc(doc, 'story.html'))).toEqual(['1:67-1:72 info harbr'])
  })

  test('is read a hyphenated part at a time: each part that names a piece of the address is a name', async () => {
    const doc = 'The [**tide-gaugr**](https://code.example/harbour/tide-gaugr) tool and <a href="/tools/berth-plannr">berth-plannr</a> shipped.\n'
    expect(findings(await lintDoc(doc, 'story.md'))).toEqual(['1:13-1:18 info gaugr', '1:108-1:114 info plannr'])
  })

  test('is reported on its first use only', async () => {
    const doc = 'We ran [harbr](https://code.example/harbr). Later [harbr](https://code.example/harbr) ran again.\n'
    expect(findings(await lintDoc(doc, 'story.md'))).toEqual(['1:9-1:14 info harbr'])
  })

  test('is still a case variant of a known mixed-case term, a warning with the known case', async () => {
    const doc = 'The code is on [Github](https://github.com/harbour/tools) and [github](https://github.com/harbour/gauge).\n'
    expect(findingsWithFixes(await lintDoc(doc, 'story.md'))).toEqual([
      '1:17-1:23 warning Github → GitHub',
      '1:64-1:70 warning github → GitHub'
    ])
  })

  test('is never an error, even where a one-off word would be a slip', async () => {
    // "Teh" opening a sentence is an error as a plain word; as the name of what its link points to, a name.
    expect(findings(await lintDoc('[Teh](https://teh.example/) opened a new office.\n', 'story.md'))).toEqual(['1:2-1:5 info Teh'])
    expect(findings(await lintDoc('Teh opened a new office.\n', 'story.md'))).toEqual(['1:1-1:4 error Teh'])
  })
})

describe('link text that does not name what the link points to', () => {
  test.each([
    ['a slip that merely resembles the address', 'The desk checks copy with [hrabor](https://harbor.example/) each night.\n', '1:28-1:34 error hrabor'],
    ['a slip in link text to another address', 'Read the [recieved](https://news.example/letters) letters.\n', '1:11-1:19 error recieved'],
    ['a word of fewer than three letters', 'She posted it on [ig](https://news.example/ig/) twice.\n', '1:19-1:21 error ig'],
    ['a word found only in the query', 'The [harbr](https://search.example/find?q=harbr) results came.\n', '1:6-1:11 error harbr'],
    ['a word found only as part of a piece', 'The [arbr](https://news.example/harbr) tool ran.\n', '1:6-1:10 error arbr'],
    ['a reference link whose definition names something else', 'The [harbr][4] tool ran.\n\n[4]: https://code.example/harbour/gauge\n', '1:6-1:11 error harbr'],
    ['a word only partly inside the link', 'We ran ha[rbr](https://news.example/rbr) tests.\n', '1:8-1:14 error ha[rbr'],
    ['a slip in a title whose address is a slug of it', 'Read [ferries return as the harbuor reopens](https://news.example/ferries-return-as-the-harbuor-reopens/).\n', '1:29-1:36 error harbuor']
  ])('is checked as any other word (%s)', async (_name, doc, finding) => {
    expect(findings(await lintDoc(doc, 'story.md'))).toEqual([finding])
  })

  test('a word of the same spelling outside any link is checked as before', async () => {
    const doc = 'We ran [harbr](https://code.example/harbr) once. The budgett was cut.\n'
    expect(findingsWithFixes(await lintDoc(doc, 'story.md'))).toEqual([
      '1:9-1:14 info harbr → ',
      '1:54-1:61 error budgett → budget'
    ])
  })

  test('leaves the findings of a story without such link text as they were', async () => {
    const plain = 'The desk checks copy with harbr each night. The budgett was cut.\n'
    const linked = 'The desk checks copy with [harbr](https://news.example/tools) each night. The budgett was cut.\n'
    expect(findings(await lintDoc(plain, 'story.md'))).toEqual(['1:27-1:32 error harbr', '1:49-1:56 error budgett'])
    expect(findings(await lintDoc(linked, 'story.md'))).toEqual(['1:28-1:33 error harbr', '1:79-1:86 error budgett'])
  })
})
