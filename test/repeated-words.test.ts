import {describe, expect, test} from 'vitest'
import {severityOf} from '../src/severity.js'
import {checkAlone, claimedWords, findingsWithFixes, lintDoc, makeTree, rangeOf, rulesCovering, runCli} from './helpers.js'

/**
 * Lint a story and describe every message as
 * `place severity rule: reason [actual → expected]`.
 *
 * @param doc The story.
 * @param filePath Name that decides its format.
 * @returns Lines in document order.
 */
async function lines(doc: string, filePath = 'story.txt'): Promise<string[]> {
  const file = await lintDoc(doc, filePath)
  return file.messages.map(
    (message) =>
      `${rangeOf(message)} ${severityOf(message)} ${message.ruleId}: ${message.reason} ` +
      `[${JSON.stringify(message.actual)} → ${JSON.stringify(message.expected)}]`
  )
}

describe('repeated-words', () => {
  test('flags a word written twice, covering both, with the single word to write', async () => {
    expect(await lines('The council met on Friday and and voted.')).toEqual([
      '1:27-1:34 error repeated-words: Unexpected repeated word `and and`, expected `and` ["and and" → ["and"]]'
    ])
  })

  test('keeps the source retext-repeated-words and points at the rule', async () => {
    const file = await lintDoc('Voters went to the the polls.')
    const [message] = file.messages
    expect(message?.source).toBe('retext-repeated-words')
    expect(message?.url).toBe('https://github.com/copydesk/copydesk#rule-repeated-words')
  })

  test.each([
    ['a capital on the first word, keeping it in the fix', 'The the port reopened.', 'The the', 'The'],
    ['all capitals', 'VOTE VOTE NOW', 'VOTE VOTE', 'VOTE'],
    ['a double across a line break inside a paragraph', 'The mayor said that the\nthe budget was late.', 'the\nthe', 'the'],
    ['a hyphenated word', 'A well-known well-known figure spoke.', 'well-known well-known', 'well-known'],
    ['a word with a possessive', "The mayor's mayor's office shut.", "mayor's mayor's", "mayor's"],
    ['a verb, in a quotation', '"We was was told nothing," she said.', 'was was', 'was'],
    ['a double that is also a misspelling', 'Ferries carried teh teh cargo.', 'teh teh', 'teh'],
    ['a word with a letter beyond ASCII', 'The café café reopened.', 'café café', 'café'],
    ['a word that starts beyond ASCII', 'Critics praised her élan élan on stage.', 'élan élan', 'élan'],
    ['a double in a later sentence of a paragraph', 'Ports reopened on Monday. Crews said the the ships were ready.', 'the the', 'the']
  ])('flags %s', async (_name, doc, actual, expected) => {
    const file = await lintDoc(doc)
    expect(file.messages.map((message) => [message.ruleId, message.actual, message.expected])).toEqual([
      ['repeated-words', actual, [expected]]
    ])
  })

  test.each([
    ['across a sentence boundary', 'Prices rose. Rose gardens closed.'],
    ['across a full stop inside a quotation', 'He said "no." No one replied.'],
    ['across a paragraph boundary', 'Talks will resume in\n\nin-person meetings next week.'],
    ['across a comma', 'They voted, voted again, and left.'],
    ['across a dash', 'The plan was late — late by a year.'],
    ['a capitalised second word (a name such as Walla Walla)', 'Officials in Walla Walla agreed.'],
    ['had had', 'The port had had a quiet year.'],
    ['that that', 'She said that that plan was dead.'],
    ['do do', 'What they do do is argue.'],
    ['her her', 'The clerk gave her her ballot.'],
    ['an intensifier in a quotation', '"It was very very close," the mayor said.'],
    ['an interjection', '"No no, not yet," he said.'],
    ['a word written twice with a hyphen', 'The so-so results disappointed.']
  ])('leaves alone %s', async (_name, doc) => {
    const file = await lintDoc(doc)
    expect(file.messages.filter((message) => message.ruleId === 'repeated-words')).toEqual([])
  })

  test.each([
    ['in straight quotation marks', 'The skipper said: "We we will sail at dawn."', '1:20-1:25'],
    ['in curly quotation marks', 'The skipper said: “We we will sail at dawn.”', '1:20-1:25'],
    ['in a transcript paragraph with a speaker label', 'The interview follows.\n\nMARSH: We we will sail at dawn.', '3:8-3:13'],
    ['after a speaker in double brackets', 'The interview follows.\n\n((Ada Marsh)) We we will sail at dawn.', '3:15-3:20']
  ])('is a warning in speech, %s, as the speaker may have said it twice', async (_, doc, place) => {
    expect(await lines(doc)).toEqual([
      `${place} warning repeated-words: Unexpected repeated word \`We we\`, expected \`We\`, unless the speaker said it twice [\"We we\" → [\"We\"]]`
    ])
  })

  test.each([
    ['plain text, a paragraph a line, curly marks', '“We will rebuild the harbour wall.\n“It will take a year,” the mayor said.\nThe the council agreed.', 'story.txt', '3:1-3:8'],
    ['plain text, a paragraph a line, straight marks', '"We will rebuild the harbour wall.\n"It will take a year," the mayor said.\nThe the council agreed.', 'story.txt', '3:1-3:8'],
    ['plain text, British single marks', '‘We will rebuild the harbour wall.\n‘It will take a year,’ the mayor said.\nThe the council agreed.', 'story.txt', '3:1-3:8'],
    ['HTML paragraphs on one line', '<p>"We will rebuild the harbour wall.</p><p>"It will take a year," the mayor said.</p><p>The the council agreed.</p>', 'story.html', '1:90-1:97'],
    ['HTML paragraphs with marks as character references', '<p>&ldquo;We will rebuild the harbour wall.</p>\n<p>&ldquo;It will take a year,&rdquo; the mayor said.</p>\n<p>The the council agreed.</p>', 'story.html', '3:4-3:11']
  ])('is an error after a quotation that runs over paragraphs and closes, in %s', async (_, doc, filePath, place) => {
    expect((await lintDoc(doc, filePath)).messages.map((message) => `${rangeOf(message)} ${severityOf(message)} ${message.actual}`)).toEqual([
      `${place} error The the`
    ])
  })

  test.each([
    ['an HTML paragraph whose quotation is left open', '<p>She said: “We will go.</p>\n<p>The the council agreed.</p>', 'story.html', '2:4-2:11 error The the'],
    ['British single quotation marks', 'The skipper said: ‘We we will sail at dawn, don’t worry.’', 'story.txt', '1:20-1:25 warning We we'],
    ['a quotation wrapped over lines of plain text', 'The skipper said: "We will sail at dawn and\nwe we will not wait," he said.', 'story.txt', '2:1-2:6 warning we we']
  ])('tells speech from narrative in %s', async (_, doc, filePath, expected) => {
    expect((await lintDoc(doc, filePath)).messages.map((message) => `${rangeOf(message)} ${severityOf(message)} ${message.actual}`)).toEqual([expected])
  })

  test('is an error again once a quotation has closed', async () => {
    expect(await lines('"We sail," he said, and the the crew cheered.')).toEqual([
      '1:25-1:32 error repeated-words: Unexpected repeated word `the the`, expected `the` ["the the" → ["the"]]'
    ])
  })

  test('tells speech from narrative for each of many repeats, paragraph by paragraph', async () => {
    const doc = [
      'The skipper said "We we sail, and and" then the the crew cheered.',
      'Nobody nobody spoke. “Go go,” she said.',
      'MARSH: We we sail. Then then we rest.',
      'The end end came.'
    ].join('\n\n')
    const file = await lintDoc(doc)
    expect(file.messages.map((message) => `${rangeOf(message)} ${severityOf(message)} ${message.actual}`)).toEqual([
      '1:19-1:24 warning We we',
      '1:31-1:38 warning and and',
      '1:45-1:52 error the the',
      '3:1-3:14 error Nobody nobody',
      '3:23-3:28 warning Go go',
      '5:8-5:13 warning We we',
      '5:20-5:29 warning Then then',
      '7:5-7:12 error end end'
    ])
  })

  test('gives a repeated misspelling one message, not a spelling message as well', async () => {
    expect(await lines('Ferries carried teh teh cargo.')).toEqual([
      '1:17-1:24 error repeated-words: Unexpected repeated word `teh teh`, expected `teh` ["teh teh" → ["teh"]]'
    ])
  })

  test('reports only the second word, without a fix, when markup stands between', async () => {
    expect(await lines('The **the** board met.', 'story.md')).toEqual([
      '1:7-1:10 error repeated-words: Unexpected repeated word `the` after `The`, expected the word once ["the" → []]'
    ])
  })

  test('covers a character reference between the words in HTML', async () => {
    expect(await lines('<p>The&nbsp;the ships sailed.</p>', 'story.html')).toEqual([
      '1:4-1:16 error repeated-words: Unexpected repeated word `The the`, expected `The` ["The&nbsp;the" → ["The"]]'
    ])
  })

  test('reports a run of three once, on its first two words, so that no word carries two messages', async () => {
    const file = await lintDoc('The the the vote passed.')
    expect(file.messages.map((message) => rangeOf(message))).toEqual(['1:1-1:8'])
  })

  test.each([
    ['switched off', '{"rules": {"repeated-words": "off"}}', 0, ''],
    ['lowered to a warning', '{"rules": {"repeated-words": "warning"}}', 0, 'warning'],
    ['given the shipped list as an option, which is not one', '{"rules": {"repeated-words": {"allowed": ["the"]}}}', 2, '']
  ])('can be %s in config', async (_name, config, code, shown) => {
    const cwd = await makeTree({'.copydeskrc.json': config})
    const run = await runCli(['--stdin-filename', 'story.txt'], {cwd, stdin: 'Voters went to the the polls.\n'})
    expect(run.code).toBe(code)
    if (shown) expect(run.stdout).toContain(`1:16-1:23 ${shown}`)
    else expect(run.stdout).toBe('')
    if (code === 2) expect(run.stderr).toContain('unknown rule option `rules.repeated-words.allowed`')
  })
})

describe('repeated-words alone, on a Story', () => {
  test.each([
    ['a word written twice, as an error', 'The pilot boarded the the tanker at dawn.', 'story.txt', ['1:19-1:26 error the the → the']],
    ['a word twice in other case, keeping the first', 'Tugs tugs pushed the barge.', 'story.txt', ['1:1-1:10 error Tugs tugs → Tugs']],
    ['a word twice in quoted speech, as a warning', 'The skipper shouted: "Cast off off the bow!"', 'story.txt', ['1:28-1:35 warning off off → off']],
    ['the second word alone, without a fix, when markup stands between', 'The **tug** tug pushed.', 'story.md', ['1:13-1:16 error tug → ']]
  ])('flags %s', async (_name, text, path, expected) => {
    expect(findingsWithFixes(await checkAlone('repeated-words', text, {path}))).toEqual(expected)
  })

  test.each([
    ['a name made of a word twice', 'The ferry from Bora Bora docked.'],
    ['a word twice across a comma', 'Tugs pushed the barge, barge crews cheered.'],
    ['a double the shipped list allows', 'The crew had had enough.']
  ])('passes %s', async (_name, text) => {
    expect(findingsWithFixes(await checkAlone('repeated-words', text))).toEqual([])
  })

  test('takes the severity config sets', async () => {
    const file = await checkAlone('repeated-words', 'The pilot boarded the the tanker at dawn.', {config: {rules: {'repeated-words': 'warning'}}})
    expect(findingsWithFixes(file)).toEqual(['1:19-1:26 warning the the → the'])
  })

  test('claims both words of the repeat', async () => {
    expect(claimedWords(await checkAlone('repeated-words', 'The pilot boarded the the tanker at dawn.'))).toEqual([['the', 'the']])
  })

  test('reports a repeated slip that spelling alone reports twice, and the whole pipeline reports it once, as its own', async () => {
    const text = 'Crews unloaded teh teh crates.'
    const offsets = [text.indexOf('teh'), text.lastIndexOf('teh')]
    const spelling = await checkAlone('spelling', text)
    expect(offsets.map((offset) => rulesCovering(spelling, offset))).toEqual([['spelling'], ['spelling']])
    const piped = await lintDoc(text)
    expect(offsets.map((offset) => rulesCovering(piped, offset))).toEqual([['repeated-words'], ['repeated-words']])
  })
})
