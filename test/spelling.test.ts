import {describe, expect, test} from 'vitest'
import type {Config} from '../src/config/config.js'
import {editDistance} from '../src/words/edit-distance.js'
import {severityOf} from '../src/severity.js'
import {checkAlone, claimedWords, findings, findingsWithFixes, lintDoc, rangeOf, rulesCovering} from './helpers.js'

/**
 * Lint a sentence and give each message as `place: severity reason`.
 *
 * @param doc The sentence.
 * @returns Message lines.
 */
async function messages(doc: string): Promise<string[]> {
  const file = await lintDoc(doc)
  return file.messages.map((message) => `${rangeOf(message)}: ${severityOf(message)} ${message.reason}`)
}

describe('spelling', () => {
  test('passes clean copy', async () => {
    expect(await messages('The port board met on Monday and agreed a budget.')).toEqual([])
  })

  test('flags a lowercase slip with a close suggestion as an error', async () => {
    expect(await messages('The board agreed a budgett.')).toEqual([
      '1:20-1:27: error Unexpected unknown word `budgett`, expected for example `budget`'
    ])
  })

  test('judges a common misspelling an error however often the story repeats it', async () => {
    expect(findings(await lintDoc('The desk recieved the letter. It recieved a second one.'))).toEqual([
      '1:10-1:18 error recieved',
      '1:34-1:42 error recieved'
    ])
  })

  test('counts a word’s uses whatever its case: a capitalised use opening a sentence is a use', async () => {
    expect(findings(await lintDoc('The budgett was cut.'))).toEqual(['1:5-1:12 error budgett'])
    // Written twice, once opening a sentence: used on purpose, one judgement for both.
    expect(findings(await lintDoc('Budgett talks ended. The budgett was cut.'))).toEqual(['1:1-1:8 info Budgett', '1:26-1:33 warning budgett'])
  })

  test('flags a slip in an ordinary word that starts a sentence', async () => {
    expect(findings(await lintDoc('The board met. Teh talks ended.'))).toEqual(['1:16-1:19 error Teh'])
  })

  test.each(['story.txt', 'story.html'])('reads a word with a symbol for a letter as one stylised or censored word in %s', async (filePath) => {
    const doc = 'The film In$ane opened, its f*cking star said ca$h was sh*t, and the f**k-up was teh end.'
    expect(findings(await lintDoc(doc, filePath))).toEqual(['1:82-1:85 error teh'])
  })

  test('says which word a clipped word stands for, at warning', async () => {
    expect(await messages('"We kept lookin\u2019 for the dog," he said.')).toEqual([
      '1:10-1:16: warning Unexpected `lookin`, expected `looking` unless written as spoken'
    ])
  })

  test('takes an unknown first word for a name unless it is a slip of a very common word', async () => {
    expect(findings(await lintDoc('Rudaw reported the attack.'))).toEqual(['1:1-1:6 info Rudaw'])
  })

  test('does not call a known word in the wrong case a slip', async () => {
    expect(findings(await lintDoc('The plan is ok, he said.'))).toEqual(['1:13-1:15 warning ok'])
  })

  test('notes a mixed-case brand once, at info, like a name', async () => {
    const doc = 'Rocketwerx launched again. RocketwerX said the RocketwerX booster landed.'
    expect(findings(await lintDoc(doc))).toEqual(['1:1-1:11 info Rocketwerx', '1:28-1:38 info RocketwerX'])
  })

  test('notes an unknown name once, at info', async () => {
    expect(await messages('Chairwoman Oyelaran spoke. Oyelaran later left.')).toEqual([
      '1:12-1:20: info Unexpected unknown name `Oyelaran`, not in the dictionary: check it once'
    ])
  })

  test('takes the plural of a name the dictionary knows for that name, not a slip of its possessive', async () => {
    expect(findings(await lintDoc('The Obamas left on Monday. The Kennedys met the Joneses at the harbour.'))).toEqual([])
    // A first name of the names lists is no such name: "Nikos" is a name of its own, not a plural of "Niko".
    expect(findings(await lintDoc('Minister Nikos Dendrakis spoke.'))).toEqual(['1:10-1:15 warning Nikos', '1:16-1:25 info Dendrakis'])
  })

  test('takes one of a group the dictionary knows by its plural name for a member of it', async () => {
    expect(findings(await lintDoc('Ringo Starr, a former Beatle, opened the show. The Beatles split in 1970.'))).toEqual([])
    // Without the plural in the story, a name with `s` dropped may be a slip: still noted once.
    expect(findings(await lintDoc('Ringo Starr, a former Beatle, opened the show.'))).toEqual(['1:23-1:29 info Beatle'])
  })

  test('still doubts a name that ends in s with the s dropped: a person or place, not a group', async () => {
    // "Athens" is in the names lists, so "Athen" is no member of a group called that.
    expect(findings(await lintDoc('The Athen office shut on Monday.'))).toEqual(['1:5-1:10 info Athen'])
  })

  test('warns about a capitalised word one slip from a name the story does not use', async () => {
    const file = await lintDoc('The summit moved to Berlni on Monday.')
    expect(findings(file)).toEqual(['1:21-1:27 warning Berlni'])
    expect(file.messages[0]?.expected?.[0]).toBe('Berlin')
  })

  test('does not report all-capital acronyms', async () => {
    expect(await messages('The BTLC and the WSS met.')).toEqual([])
  })

  test('treats a lowercase word used twice alike as jargon, not a slip', async () => {
    const file = await lintDoc('The fursuit maker sold a fursuit to a fan.')
    expect(findings(file)).toEqual(['1:5-1:12 warning fursuit', '1:26-1:33 warning fursuit'])
  })

  test('calls a word a slip when a far more common word is one edit away', async () => {
    // Each splits into two known words, or is a known word in another case, or a rare real word.
    const doc = 'The artsit spoke. A singal came. It came rom the north. Police saw hin leave.'
    expect(findings(await lintDoc(doc)).map((line) => line.replace(/^\S+ /, ''))).toEqual([
      'error artsit',
      'error singal',
      'error rom',
      'error hin'
    ])
  })

  test('does not call a regular form of a known word a slip', async () => {
    expect(findings(await lintDoc('Both trainings covered beheadings.'))).toEqual([
      '1:6-1:15 warning trainings',
      '1:24-1:34 warning beheadings'
    ])
  })

  test('still calls slips that look like regular forms slips', async () => {
    const doc = 'One moring it was becomeing clear. He steped in. It was thiss one.'
    expect(findings(await lintDoc(doc)).map((line) => line.replace(/^\S+ /, ''))).toEqual([
      'error moring',
      'error becomeing',
      'error steped',
      'error thiss'
    ])
  })

  test('does not call a real but less common word a slip', async () => {
    // dictionary-en lacks `predation`; the larger SCOWL list has it.
    expect(findings(await lintDoc('Predators rely on predation.'))).toEqual(['1:19-1:28 warning predation'])
  })

  test('treats two known words run together as a new compound, not a slip', async () => {
    expect(findings(await lintDoc('The userbase grew during the lockdown.'))).toEqual([
      '1:5-1:13 warning userbase',
      '1:30-1:38 warning lockdown'
    ])
  })

  test('does not call a run of another language inside an English sentence slips', async () => {
    const file = await lintDoc('She wrote that hay muchos abortos pese a la amenaza penal, the minister said.')
    expect(file.messages.every((message) => severityOf(message) === 'info')).toBe(true)
    expect(file.messages.length).toBeGreaterThan(2)
  })

  test('keeps slips far apart in one sentence as errors', async () => {
    const doc = 'The mayr opened the new bridge on Friday morning and later thanked the crowds before teh fireworks.'
    expect(findings(await lintDoc(doc))).toEqual(['1:5-1:9 error mayr', '1:86-1:89 error teh'])
  })

  test('does not call words of a quotation in another language slips', async () => {
    const file = await lintDoc('He said: "Si el Senado me ratifica, seré gobernador hasta el final."')
    expect(file.messages.map((message) => `${severityOf(message)} ${message.actual}`)).toEqual([
      'info Senado',
      'info ratifica',
      'info gobernador',
      'info hasta',
      'info el'
    ])
  })

  // A story that keeps to British spelling is left to dialect-consistency, which accepts it.
  test('warns about a British spelling in an American story instead of calling it a slip', async () => {
    expect(await messages('The programme was organized.')).toEqual([
      '1:5-1:14: warning Unexpected unknown word `programme`, expected for example `programmed`, `programmer`'
    ])
  })

  test('warns about a word spelled as the other spelling system spells it, even where no dictionary lists it', async () => {
    const file = await lintDoc('The old tyres were vapourised in the kiln.')
    expect(findings(file).filter((finding) => finding.endsWith('vapourised'))).toEqual(['1:20-1:30 warning vapourised'])
  })

  test('flags a lowercase word with no close suggestion as a warning', async () => {
    const [line] = await messages('The zxqvbrt tariff rose.')
    expect(line).toMatch(/^1:5-1:12: warning Unexpected unknown word `zxqvbrt`/)
  })

  test('ranks the likeliest word first: `the` for `theh`, and after "of" nothing else', async () => {
    const file = await lintDoc('The director of theh Shanghai government spoke.')
    // `then` and `they` are as near, and far less likely after "of".
    expect(file.messages[0]?.expected).toEqual(['the'])
  })

  test('never offers a proper noun first for a lowercase slip', async () => {
    const file = await lintDoc('The mayr spoke.')
    const [first] = file.messages[0]?.expected ?? []
    expect(first).toBe(first?.toLowerCase())
  })

  test('keeps at most ten suggestions', async () => {
    // dictionary-en has 23 suggestions for `sone`. (No word after it: "sone rose" leaves fewer than ten near `sun`.)
    const file = await lintDoc('The sone.')
    expect(file.messages[0]?.expected).toHaveLength(10)
  })

  test('does not check words with digits', async () => {
    expect(await messages('The G7 met in the 1990s after MH17.')).toEqual([])
  })

  test('does not check words in other scripts', async () => {
    expect(await messages('The slogan read "Слава Україні" and "شكرا" on the banner.')).toEqual([])
  })

  test('does not report fragments of an editor\'s bracketed insertion', async () => {
    expect(await messages('He vowed to "sow[ing] chaos" and said "[T]he vote stands".')).toEqual([])
  })

  test('still checks words next to a bracketed insertion', async () => {
    expect(await messages('He said "[the] budgett stands".')).toEqual([
      '1:16-1:23: error Unexpected unknown word `budgett`, expected for example `budget`, `budgets`'
    ])
  })

  test('accepts name particles before a name, prefixes before a hyphen and words of fixed phrases', async () => {
    const doc =
      'Lula da Silva, Bashar al-Assad and Ursula von der Leyen met before the pre-election tri-state poll, ' +
      'et al. E. coli spread en masse.'
    const file = await lintDoc(doc)
    // The names themselves are unknown to the dictionary; the particles, prefixes and phrases are not reported.
    expect(file.messages.map((message) => message.actual)).toEqual(['Bashar', 'Leyen'])
  })

  test('reports the same fragments where they are slips', async () => {
    const file = await lintDoc('The talks took das. He et the table and will tri again.')
    expect(file.messages.map((message) => `${severityOf(message)} ${message.actual}`)).toEqual([
      'error das',
      'error et',
      'error tri'
    ])
  })

  test('checks the last word of a quotation ending in a full stop', async () => {
    // retext-syntax-urls took `tham."` and `soor.)` for URLs.
    const doc = 'He said "it was tham." Later (it was soor.) and \'sone.\' See www.example.org. or desk@example.org now.'
    const file = await lintDoc(doc)
    expect(file.messages.map((message) => message.actual)).toEqual(['tham', 'soor', 'sone'])
  })

  test('accepts a known word written with accents', async () => {
    expect(await messages('The hijāb, the fiancée and the café were naïve.')).toEqual([])
    // Ligatures of British spellings too.
    expect(await messages('The encyclopædia explains hæmoglobin.')).toEqual([])
  })

  test('ranks a slip\'s suggestions by the words beside it', async () => {
    // Alone, `whether` (one letter dropped, and common) would come first; "the ... would" wants `weather`.
    const [weather] = (await lintDoc('They said the wether would improve.')).messages
    expect([weather?.actual, weather?.expected?.[0], weather && severityOf(weather)]).toEqual(['wether', 'weather', 'error'])
    const [deep] = (await lintDoc('The ship sank in deap water.')).messages
    expect(deep?.expected?.[0]).toBe('deep')
  })

  test('ranks by the pairs of everyday English, not speeches and definitions alone', async () => {
    // "was training to" and "was trying to" both read; people write the second far more, as the mail of the pairs list shows.
    const [trying] = (await lintDoc('She was trining to decide which route to cover.')).messages
    expect(trying?.expected?.[0]).toBe('trying')
  })

  test('ranks a word spelt by ear first', async () => {
    // `ea` written for `ee`, `ou` for `ow`: a sound spelt another way English spells it, not a slip of the keys.
    const [seek] = (await lintDoc('He plans to seak a second term.')).messages
    expect(seek?.expected?.[0]).toBe('seek')
    const [how] = (await lintDoc('Can you show me hou to fill in the form?')).messages
    expect(how?.expected?.[0]).toBe('how')
  })

  test('lets the words of present-day prose beside a slip choose its word', async () => {
    // `to` and `them` are far commoner, but "useful tool" and "development team" are what English writes.
    const [tool] = (await lintDoc('The archive is a useful tol for reporters who check old court records.')).messages
    expect(tool?.expected?.[0]).toBe('tool')
    const [team] = (await lintDoc('Our development tem meets every Monday to plan the week.')).messages
    expect(team?.expected?.[0]).toBe('team')
  })

  test('lets the words two away choose too', async () => {
    // "three month" and "was not" are English; "three months while" and "was one of the" are what is meant.
    const [months] = (await lintDoc('The bridge will stay shut for three monsth while crews work.')).messages
    expect(months?.expected?.[0]).toBe('months')
    const [one] = (await lintDoc('Officials said the plan was ont of the best.')).messages
    expect(one?.expected?.[0]).toBe('one')
  })

  test('offers a contraction first when it is the word meant', async () => {
    const [message] = (await lintDoc('It isnt clear who will pay.')).messages
    expect(message?.expected?.[0]).toBe("isn't")
  })

  test('chooses between words one edit away by the words beside them', async () => {
    // `but` and `built`, `one` and `new`: each one edit away; the sentence says which.
    const [built] = (await lintDoc('The bridge was buit in 1920.')).messages
    expect(built?.expected?.[0]).toBe('built')
    const [coach] = (await lintDoc('The club has a ne coach.')).messages
    expect(coach?.expected?.[0]).toBe('new')
  })

  test('checks a lone quoted word', async () => {
    expect(await messages('He called it "nonsennse" on Monday.')).toEqual([
      '1:15-1:24: error Unexpected unknown word `nonsennse`, expected for example `nonsense`'
    ])
  })

  test('gives the rule id, source and url on every message', async () => {
    const file = await lintDoc('The board agreed a budgett.')
    const [message] = file.messages
    expect([message?.ruleId, message?.source, message?.url, message?.actual, message?.expected]).toEqual([
      'spelling',
      'retext-spell',
      'https://github.com/copydesk/copydesk#rule-spelling',
      'budgett',
      ['budget']
    ])
  })
})

describe('edit distance', () => {
  test.each([
    ['teh', 'the', 1],
    ['captian', 'captain', 1],
    ['budgett', 'budget', 1],
    ['Jiangshu', 'Jiangsu', 1],
    ['Belrusian', 'Belarusian', 1],
    ['narow', 'narrow', 1],
    ['kitten', 'sitting', 3]
  ])('from %s to %s is %i', (a, b, distance) => {
    expect(editDistance(a, b)).toBe(distance)
  })

  test('gives up past its limit', () => {
    expect(editDistance('kitten', 'sitting', 1)).toBe(2)
  })
})

describe('spelling: evidence of a slip', () => {
  test.each([
    ['a known word after a prefix is a coinage', 'The cofounder of the ferry firm spoke.', ['1:5-1:14 warning cofounder']],
    ['a prefix before a short word is still a slip', 'The port stays shut untill Monday.', ['1:21-1:27 error untill']],
    ['a prefix before a known word is still a slip one edit from a well-known, far commoner word', 'Crews worked to preevent a flood.', ['1:17-1:25 error preevent']],
    ['a prefixed word written English uses stays a coinage, though one edit from a far commoner word', 'Critics urged defunding the agency.', ['1:15-1:24 warning defunding']],
    ['a regular form of a known word is not a slip of a commoner neighbour', 'The gamers queued outside.', ['1:5-1:11 warning gamers']],
    ['-s after a word that is neither noun nor verb is no regular form', 'The two crews worked togethers on the bridge.', ['1:22-1:31 error togethers']],
    ['a short fragment joined by a hyphen is worth a look only', 'It was a survival-ish plan.', ['1:19-1:22 warning ish']],
    ['a lowercase part of a capitalised compound is part of a name', 'Crews worked in Seongbuk-gu overnight.', ['1:17-1:25 info Seongbuk', '1:26-1:28 warning gu']],
    ['a foreign function word between two names is a name particle', 'Captain Jose dela Cruz spoke.', ['1:14-1:18 warning dela']],
    ['an English slip between two names is still a slip', 'Both Trump adn Biden spoke.', ['1:12-1:15 error adn']],
    ['foreign function words mark a quotation in another language', 'The song, tylko nie mów nikomu, aired.', ['1:11-1:16 info tylko', '1:17-1:20 info nie', '1:25-1:31 info nikomu']],
    ['acronyms that read as foreign function words in lowercase do not make a run', 'Staff at AZ, DE and SI said teh report was late.', ['1:29-1:32 error teh']],
    ['a quotation runs to its last word', 'The judge wrote that the law, dijo el juez, aplica a la misma.', ['1:31-1:35 info dijo', '1:36-1:38 info el', '1:39-1:43 info juez', '1:45-1:51 info aplica', '1:57-1:62 info misma']],
    ['a slip a few words after a quotation is still a slip', 'Its motto, pamoja tutashinda daima or "together we win always," begane in May.', ['1:12-1:18 info pamoja', '1:19-1:29 info tutashinda', '1:30-1:35 info daima', '1:65-1:71 error begane']],
    ['three unknown words alone make a run of their middle word only', 'The budgett rose and the taxx fell and the levvy stayed.', ['1:5-1:12 error budgett', '1:26-1:30 info taxx', '1:44-1:49 error levvy']],
    ['a lowercase user name in a list of names is a name', 'Thanks to Ana Ruiz, codey, qx7, Lee Tran and others.', ['1:21-1:26 warning codey']],
    ['a lowercase slip in a list of ordinary words is still a slip', 'We bought bread, chese, milk and eggs.', ['1:18-1:23 error chese']],
    ['a species after its genus is part of a scientific name', 'Penguins of the species Spheniscus magellanicus nested.', ['1:25-1:35 info Spheniscus', '1:36-1:48 warning magellanicus']],
    ['an adverb of a participle is a word', 'She steered the ferry two-handedly.', ['1:27-1:35 warning handedly']],
    ['an adverb of a plain adjective is still a slip', 'The plan was basicly sound.', ['1:14-1:21 error basicly']],
    ['a consonant and y turned to i before an ending make a regular form; a vowel and y do not', 'Three artists juried the fair. The band plaied on.', ['1:15-1:21 warning juried', '1:41-1:47 error plaied']],
    ['the Greek plural of a word in -on is a word', 'Cellular automata ran the model.', ['1:10-1:18 warning automata']],
    ['a regular form of a word in the larger word list is not a slip', 'Critics were stymying the bill.', ['1:14-1:22 warning stymying']],
    ['a word the larger word list has is a word, however much commoner its neighbour', 'The assay measured the antibody titer. The trail zigs past the lake.', ['1:33-1:38 warning titer', '1:50-1:54 warning zigs']],
    ['a spelling variant that SCOWL lists is a word, not a slip', 'The mill had four hundred employes. He lit a cigaret outside.', ['1:27-1:35 warning employes', '1:46-1:53 warning cigaret']],
    ['a variant in the list of common misspellings is still a slip', 'The vase fell accidently on Monday.', ['1:15-1:25 error accidently']],
    ['a word the larger word list has is still a slip of a word typed far more', 'She would not say wat happened at the shool.', ['1:19-1:22 error wat', '1:39-1:44 error shool']],
    ['a hyphened form of a known closed word is accepted, a slip in it is not', 'He condemned anti-semitism; the anti-semtism row grew.', ['1:38-1:45 error semtism']],
    ['a verb and up closed up is a new noun, not a slip', 'Fares rose in the leadup to the vote.', ['1:19-1:25 warning leadup']],
    ['a word in written use about as often as its neighbours is not a slip of them', 'Make the table sortable by date.', ['1:16-1:24 warning sortable']],
    ['a slip in written use is still a slip of a far commoner word', 'She read teh report.', ['1:10-1:13 error teh']],
    ['a regular form of a four-letter word is a word when written English uses it', 'Avoid bolding whole paragraphs.', ['1:7-1:14 warning bolding']],
    ['a known word with a suffix that makes new words is a word', 'The detailee left. A liveness check ran. The tools were techy.', ['1:5-1:13 warning detailee', '1:22-1:30 warning liveness', '1:57-1:62 warning techy']],
    ['an adverb of an adjective in -al or -able is a word', 'The rules were applied familially and valuably.', ['1:24-1:34 warning familially', '1:39-1:47 warning valuably']],
    ['a four-letter word after a long prefix is a coinage', 'Staff may telework on Fridays.', ['1:11-1:19 warning telework']],
    ['a file extension named as such is not a word', 'Download the form (.docx, 20 KB).', []],
    ['a modifier letter apostrophe is an apostrophe', 'The websiteʼs menu changed.', []],
    ['a part of a hyphenated compound that written English uses is worth a look only', 'Classes for ten-year-olds start soon.', ['1:22-1:26 warning olds']],
    ['the last part of an X-a-Y coinage is worth a look only', 'They ran two paint-a-thons and a well-knwon fair.', ['1:22-1:27 warning thons', '1:39-1:44 error knwon']],
    ['a slip in a hyphenated compound is still a slip', 'A well-knwon figure spoke.', ['1:8-1:13 error knwon']],
    ['an -ing word with its g dropped for an apostrophe is a voice, not a slip', 'They are always up for some learnin’ on Fridays.', ['1:29-1:36 warning learnin']],
    ['an -in word with an apostrophe for its g is a voice, capitalised or not, with either apostrophe', '"Goin\u2019 nowhere," she said. "Just countin\' the days."', ['1:2-1:6 warning Goin', '1:34-1:41 warning countin']],
    ['a common word clipped at its end or start is a voice', "Stay by the ol' mill, jus' wait 'nother hour.", ["1:13-1:16 warning ol'", '1:23-1:26 warning jus', '1:34-1:40 warning nother']],
    ['a capitalised clipped word inside a sentence is a title', 'The band played "Ramblin\' Days" last.', ['1:18-1:25 info Ramblin']],
    ['an -in word without its apostrophe is still a slip', 'She was talkin to the press.', ['1:9-1:15 error talkin']],
    ['a slip of a rarer word that ends a quotation in single quotes is still a slip', "'The town backed the compan', the mayor said.", ['1:22-1:28 error compan']],
    ['a first word before another unknown capitalised word is a first name', 'Yoz Ekwuemeh spoke first.', ['1:1-1:4 info Yoz', '1:5-1:13 info Ekwuemeh']],
    ['a first word before capitalised words that end in a name the dictionary lacks is a first name', 'Ard Mark Vetham, the captain, scored twice.', ['1:1-1:4 info Ard', '1:10-1:16 info Vetham']],
    ['a slip opening a sentence before capitalised ordinary words is still a slip', 'The port reopened. Teh Port Authority met.', ['1:20-1:23 error Teh']],
    ['short words in a score line are the shorthand of results', 'Rovers 2 (Dunne 12, Walsh og 40) Athletic 1 (Byrne 77). Att 4,512.', ['1:27-1:29 warning og', '1:46-1:51 info Byrne', '1:57-1:60 warning Att']],
    ['short words in a line-up are the shorthand of results', 'Athletic: Byrne; Keane, Lyons (capt), Walsh og; Dunne. Att: 23,000.', ['1:11-1:16 info Byrne', '1:18-1:23 warning Keane', '1:45-1:47 warning og', '1:56-1:59 warning Att']],
    ['a slip in prose with figures and brackets is still a slip', 'The port, shut on Monday (after 12 days), was closed adn empty.', ['1:54-1:57 error adn']],
    ['a slip in a title-case headline is still a slip', 'Teh Port Closed After 12 Days', ['1:1-1:4 error Teh']],
    ['a particle before another particle and a name is part of the name', 'The podcast Ciencia de la NASA returns.', ['1:13-1:20 info Ciencia']],
    ['with no commoner word one edit away, a known word of four letters after a prefix is a coinage', 'Please unmute the panel.', ['1:8-1:14 warning unmute']],
    ['a short word two edits from any dictionary word is worth a look only; a long one is a slip', 'The adtech team wrote a producement plan.', ['1:5-1:11 warning adtech', '1:25-1:36 error producement']],
    ['a short word two likely edits from one of the words typed most is still a slip', 'The minister seiad no.', ['1:14-1:19 error seiad']],
    ['a short word two likely edits from a well-known word is a slip', 'The full amomt was paid to pipoll in need.', ['1:10-1:15 error amomt', '1:28-1:34 error pipoll']],
    ['a short word two likely edits from a well-known word is worth a look only when it splits into known words', 'The taghut rule and the outgas rule changed.', ['1:5-1:11 warning taghut', '1:25-1:31 warning outgas']],
    ['a slip two likely edits from a well-known word is a slip though it splits into known words', 'The acidants on the ring road rose.', ['1:5-1:13 error acidants']],
    ['two known words closed up, far from any well-known word, are a coinage', 'The team kept a timebox for each task.', ['1:17-1:24 warning timebox']],
    ['a known verb and -able is a word, and worth no error; one that needs its e back is a slip', 'The forms are fillable, the delays expectable, and the fees changable.', ['1:15-1:23 warning fillable', '1:36-1:46 info expectable', '1:61-1:70 error changable']],
    ['a consonant and y before -ed is no regular form: English writes -ied', 'The council satisfyed the inspectors.', ['1:13-1:22 error satisfyed']],
    ['a short fragment joined to a word by a slash or a semicolon is a code or an abbreviation', 'Dates are written d/mm/yy. The tl;dr is short.', ['1:24-1:26 warning yy', '1:32-1:34 warning tl', '1:35-1:37 warning dr']],
    ['a slip next to a slash with spaces is still a slip', 'Bring tea / teh coffee.', ['1:13-1:16 error teh']],
    ['a term written in mixed case by its owner, in lowercase, is that term', 'The cafe has wifi now.', ['1:14-1:18 warning wifi']],
    ['a prefix before a hyphen, then and, or or to, then a prefixed word is a suspended prefix', 'The labs ran femto- to microscale tests and thermo- or electro-chemical ones.', ['1:24-1:34 warning microscale', '1:56-1:63 warning electro']],
    ['a fragment before a hyphen and and with no prefixed word after is still worth a look', 'The endo- and skeleton teams met.', ['1:5-1:9 warning endo']],
    ['a Latin phrase of the courts is accepted', 'He served as speaker pro tem and filed a quo warranto petition.', []]
  ])('%s', async (_, doc, expected) => {
    expect(findings(await lintDoc(doc))).toEqual(expected)
  })
})

describe('spelling: fixed phrases', () => {
  test.each([
    ['Latin, as a noun', 'Detectives said the burglars kept the same modus operandi for a decade.'],
    ['French, with its article', 'The canteen serves breakfast a la carte from Monday.'],
    ['Latin honours', 'She graduated summa cum laude before joining the desk.'],
    ['a word dictionary-en knows with one it does not', 'Morale and esprit de corps held up through the strike.'],
    ['an allowance', 'Inspectors were paid a per diem of forty pounds.'],
    ['a plea', 'The driver entered a plea of nolo contendere on Tuesday.'],
    ['a motion passed for form', 'The board held a pro forma session over the holiday.'],
    ['an apology', 'The minister issued a mea culpa after the leak.'],
    ['cooking', 'The chef trained in haute cuisine in Lyon.'],
    ['singing', 'The festival opened with an evening of bel canto arias.'],
    ['a martial art, spaced', 'The club teaches kung fu to pupils after school.'],
    ['a martial art, hyphenated', 'The club teaches kung-fu to pupils after school.'],
    ['a ballet duet', 'The principals danced a pas de deux in the second act.'],
    ['an old foe', 'Inflation has become the bete noire of the treasury.'],
    ['an elided article', "Winning the league is the club's raison d'etre."],
    ['a seizure of power', "The junta seized the radio station during the coup d'etat."],
    ['a phrase whose head noun, first, is in the plural', "The country has seen three coups d'etat since independence."],
    ['a phrase opening a sentence', 'Modus operandi aside, the thefts had little in common.']
  ])('accepts the words of a phrase where they stand: %s', async (_, doc) => {
    expect(findings(await lintDoc(doc))).toEqual([])
  })

  test.each([
    ['hyphens', 'Stalls of bric-a-brac lined the topsy-turvy market, and prices rose willy-nilly.'],
    ['spaces for hyphens', 'Prices rose willy nilly while the stall sold bric a brac.'],
    ['hyphens for spaces', 'Diners ordered a-la-carte and the cook trained in haute-cuisine.'],
    ['a hyphened phrase written with a space', 'The coroner ordered a post mortem and a second post-mortem followed.'],
    ['accents', 'The menu was à la carte, the lanterns papier-mâché, and the plot a coup d’état.'],
    ['accents and a curly apostrophe', 'Her bête noire was the raison d’être of the whole inquiry.'],
    ['a plural', "Waiters carried hors d'oeuvres while the coroner filed two post-mortems."]
  ])('matches a phrase whatever the writer types between and on its words: %s', async (_, doc) => {
    // Another rule may ask for one spelling of a compound; the spell check finds nothing.
    expect((await lintDoc(doc)).messages.filter((message) => message.ruleId === 'spelling')).toEqual([])
  })

  // How sure a finding is (error, warning) rests on evidence beside the phrase lists: these check that the word is reported.
  test.each([
    ['a word of a phrase alone', 'The carte listed six wines.', ['1:5-1:10 carte']],
    ['another word of the same phrase alone', 'Their operandi never changed.', ['1:7-1:15 operandi']],
    ['a word of a phrase next to the wrong neighbour', "The gang's modus vivendi outlived the gang's operandi.", ['1:46-1:54 operandi']],
    ['a hyphen part alone', 'The plans changed nilly by the hour.', ['1:19-1:24 nilly']],
    ['the parts of a phrase out of order', 'The coach taught fu kung to juniors.', ['1:18-1:20 fu', '1:21-1:25 kung']],
    ['a phrase broken by commas', 'The talks were, de, facto, over.', ['1:17-1:19 de', '1:21-1:26 facto']]
  ])('still reports %s', async (_, doc, expected) => {
    const file = await lintDoc(doc)
    expect(file.messages.filter((message) => message.ruleId === 'spelling').map((message) => `${rangeOf(message)} ${message.actual}`)).toEqual(
      expected
    )
  })

  test('still reports a slip next to a phrase', async () => {
    expect(findings(await lintDoc('The menu was a la carte and the budgett was tight.'))).toEqual(['1:33-1:40 error budgett'])
  })
})

describe('spelling alone, on a Story', () => {
  test.each([
    ['a lowercase slip with a close suggestion, as an error', 'Dockers agreed a new budgett on Tuesday.', ['1:22-1:29 error budgett → budget']],
    [
      'a capitalised word one slip from a well-known name the story does not use, as a warning',
      'Ferries sailed to Rotterdm on Friday.',
      ['1:19-1:27 warning Rotterdm → Rotterdam']
    ],
    [
      'a lowercase word used twice alike, as a warning',
      'The crew stacked the trawlnets and mended the trawlnets.',
      ['1:22-1:31 warning trawlnets → trawlers', '1:47-1:56 warning trawlnets → trawlers']
    ],
    [
      'every use of an unknown name at info, without suggestions',
      'Pilot Tavistoke radioed. Tavistoke then docked.',
      ['1:7-1:16 info Tavistoke → ', '1:26-1:35 info Tavistoke → ']
    ]
  ])('flags %s', async (_name, text, expected) => {
    expect(findingsWithFixes(await checkAlone('spelling', text))).toEqual(expected)
  })

  test.each([
    ['clean copy', 'The ferry left the quay on time and the crew unloaded apples.', {}],
    ['unknown all-capital acronyms', 'The QXRB boat and the KWZB crew docked.', {}],
    ['a word of the config words', 'The crew unloaded the glimbet.', {words: ['glimbet']}],
    ['a British spelling when the config dialect is en-GB', 'The crew painted the hull a bright colour.', {dialect: 'en-GB' as const}]
  ])('passes %s', async (_name, text, config: Config) => {
    expect(findingsWithFixes(await checkAlone('spelling', text, {config}))).toEqual([])
  })

  test('flags an unknown acronym with its suggestions when `acronyms` is set', async () => {
    const file = await checkAlone('spelling', 'The HMSX boat docked.', {config: {rules: {spelling: {acronyms: true}}}})
    expect(findingsWithFixes(file)).toEqual(['1:5-1:9 warning HMSX → HMS'])
  })

  test('gives every use of an unknown name one `once` key, so that settling keeps only the first', async () => {
    const text = 'Pilot Tavistoke radioed. Tavistoke then docked.'
    const alone = await checkAlone('spelling', text)
    expect(alone.messages.map((message) => message.once)).toEqual(['unknown name Tavistoke', 'unknown name Tavistoke'])
    expect(findings(await lintDoc(text))).toEqual(['1:7-1:16 info Tavistoke'])
  })

  test('claims no words: it is the last rule to speak for a word', async () => {
    const file = await checkAlone('spelling', 'Pilot Hauglund radioed about the budgett.')
    expect(file.messages).toHaveLength(2)
    expect(claimedWords(file)).toEqual([[], []])
  })

  test.each([
    ['a variant of a name, which name-consistency takes', 'Pilot Haugland docked. Hauglund waved.', 'Hauglund', 'name-consistency'],
    ['a word of a repeat, which repeated-words takes', 'Crews unloaded teh teh crates.', 'teh', 'repeated-words'],
    ['a form the house style avoids, which house-style takes', 'Ferries sailed from Lwow on Friday.', 'Lwow', 'house-style']
  ])('reports alone %s in the whole pipeline, where the word is reported once', async (_name, text, word, winner) => {
    const offset = text.lastIndexOf(word)
    expect(rulesCovering(await checkAlone('spelling', text), offset)).toEqual(['spelling'])
    expect(rulesCovering(await lintDoc(text), offset)).toEqual([winner])
  })
})
