import {describe, expect, test} from 'vitest'
import {VFile} from 'vfile'
import {VFileMessage} from 'vfile-message'
import {precedence, settleAcrossFindings, settleFindings} from '../src/settle/settle.js'
import {type Severity, setSeverity} from '../src/severity.js'

/** The story every hand-made finding is on: each word's offset is where it starts. */
const story = 'Pilot Haugland said teh teh tide turned at the harbour.'

/**
 * The offset of a word of the story.
 *
 * @param word The word, found from `after` on.
 * @param after Where to start looking.
 * @returns Its offset.
 */
function at(word: string, after = 0): number {
  const offset = story.indexOf(word, after)
  if (offset === -1) throw new Error(`no \`${word}\` in the story`)
  return offset
}

/** What a hand-made finding says and takes. */
interface Said {
  /** The text it is on; its place starts where that text does (from `after` on). */
  actual: string
  after?: number
  /** Offsets of the words it takes from later rules. */
  claims?: number[]
  /** Its `once` key. */
  once?: string
  severity?: Severity
}

/**
 * Make the findings file of a rule, as its check would leave it: one
 * message per finding, placed on its text, with `claims` and `once` set.
 *
 * @param ruleId The rule.
 * @param said Its findings.
 * @param spokenFor Offsets of words it speaks for without a finding.
 * @returns The file.
 */
function findingsOf(ruleId: string, said: readonly Said[], spokenFor?: number[]): VFile {
  const file = new VFile({path: 'story.txt', value: story})
  for (const {actual, after, claims, once, severity} of said) {
    const start = at(actual, after)
    const message = file.message(`Unexpected \`${actual}\``, {
      place: {start: {line: 1, column: start + 1, offset: start}, end: {line: 1, column: start + actual.length + 1, offset: start + actual.length}},
      ruleId
    })
    message.actual = actual
    if (claims) message.claims = claims
    if (once !== undefined) message.once = once
    setSeverity(message, severity ?? 'warning')
  }
  if (spokenFor) file.data.spokenFor = spokenFor
  return file
}

/**
 * Describe settled findings as `rule actual@offset`.
 *
 * @param messages Findings.
 * @returns One line each, in order.
 */
function kept(messages: readonly VFileMessage[]): string[] {
  return messages.map((message) => {
    const place = message.place
    const offset = place && 'start' in place ? place.start.offset : undefined
    return `${message.ruleId} ${message.actual}@${offset}`
  })
}

const haugland = at('Haugland')
const firstTeh = at('teh')
const secondTeh = at('teh', firstTeh + 1)
const harbour = at('harbour')

describe('settleFindings', () => {
  test.each([
    ['given in precedence order', ['name-consistency', 'spelling']],
    ['given in the reverse order', ['spelling', 'name-consistency']]
  ])('lets the rule first in precedence win a word, %s', (_name, order) => {
    const files: Record<string, VFile> = {
      'name-consistency': findingsOf('name-consistency', [{actual: 'Haugland', claims: [haugland]}]),
      spelling: findingsOf('spelling', [{actual: 'Haugland'}])
    }
    const settled = settleFindings(new Map(order.map((ruleId) => [ruleId, files[ruleId] ?? new VFile()])))
    expect(kept(settled.messages)).toEqual([`name-consistency Haugland@${haugland}`])
  })

  test.each(precedence.slice(0, -1).map((ruleId, index) => [ruleId, precedence[index + 1] ?? '']))(
    'lets `%s` take a word from `%s`, whichever comes first in the map',
    (first, second) => {
      const winner = findingsOf(first, [{actual: 'harbour', claims: [harbour]}])
      const loser = findingsOf(second, [{actual: 'harbour', claims: [harbour]}])
      const settled = settleFindings(new Map([[second, loser], [first, winner]]))
      expect(kept(settled.messages)).toEqual([`${first} harbour@${harbour}`])
    }
  )

  test('puts rules the precedence does not list after those it does, in the order given', () => {
    const settled = settleFindings(
      new Map([
        ['zeta-rule', findingsOf('zeta-rule', [{actual: 'tide', claims: [at('tide')]}, {actual: 'harbour', claims: [harbour]}])],
        ['alpha-rule', findingsOf('alpha-rule', [{actual: 'tide'}])],
        ['spelling', findingsOf('spelling', [{actual: 'harbour', claims: [harbour]}])]
      ])
    )
    expect(kept(settled.messages)).toEqual([`spelling harbour@${harbour}`, `zeta-rule tide@${at('tide')}`])
  })

  test('drops a finding without claims when the word its place starts on was taken', () => {
    const settled = settleFindings(
      new Map([
        ['spelling', findingsOf('spelling', [{actual: 'teh teh'}, {actual: 'teh', after: secondTeh}, {actual: 'harbour'}])],
        ['house-style', findingsOf('house-style', [{actual: 'teh', claims: [firstTeh]}])]
      ])
    )
    // "teh teh" starts on the word house-style took; the second "teh" and "harbour" do not.
    expect(kept(settled.messages)).toEqual([
      `house-style teh@${firstTeh}`,
      `spelling teh@${secondTeh}`,
      `spelling harbour@${harbour}`
    ])
  })

  test('drops a consistency finding whose first use, its cause, is on a word an earlier rule took', () => {
    const names = findingsOf('name-consistency', [{actual: 'teh', after: secondTeh, claims: [secondTeh]}, {actual: 'harbour', claims: [harbour]}])
    const [onTeh, onHarbour] = names.messages
    // Compared against the first "teh", which the house style rejects: its advice would contradict the house style.
    if (onTeh) onTeh.cause = new VFileMessage('`teh` first used here', {place: {line: 1, column: firstTeh + 1, offset: firstTeh}})
    if (onHarbour) onHarbour.cause = new VFileMessage('`Haugland` first used here', {place: {line: 1, column: haugland + 1, offset: haugland}})
    const settled = settleFindings(
      new Map([
        ['name-consistency', names],
        ['house-style', findingsOf('house-style', [{actual: 'teh', claims: [firstTeh]}])]
      ])
    )
    expect(kept(settled.messages)).toEqual([`house-style teh@${firstTeh}`, `name-consistency harbour@${harbour}`])
  })

  test('drops a finding when any word it claims was taken, not only the first', () => {
    const settled = settleFindings(
      new Map([
        ['repeated-words', findingsOf('repeated-words', [{actual: 'teh teh', claims: [firstTeh, secondTeh]}])],
        ['name-consistency', findingsOf('name-consistency', [{actual: 'teh', after: secondTeh, claims: [secondTeh]}])]
      ])
    )
    expect(kept(settled.messages)).toEqual([`name-consistency teh@${secondTeh}`])
  })

  test('gives the words of a dropped finding to no one, so a later rule may still report them', () => {
    const settled = settleFindings(
      new Map([
        ['house-style', findingsOf('house-style', [{actual: 'teh', claims: [firstTeh]}])],
        ['repeated-words', findingsOf('repeated-words', [{actual: 'teh teh', claims: [firstTeh, secondTeh]}])],
        ['spelling', findingsOf('spelling', [{actual: 'teh', after: secondTeh}])]
      ])
    )
    expect(kept(settled.messages)).toEqual([`house-style teh@${firstTeh}`, `spelling teh@${secondTeh}`])
    expect([...settled.owned]).toEqual([firstTeh])
  })

  test('never lets the findings of one rule take words from each other', () => {
    // "well-known" in "well-known-brand": the rule itself decides which of its findings keeps a word.
    const settled = settleFindings(
      new Map([
        [
          'hyphenation-consistency',
          findingsOf('hyphenation-consistency', [
            {actual: 'teh teh', claims: [firstTeh, secondTeh]},
            {actual: 'teh', after: secondTeh, claims: [secondTeh]}
          ])
        ]
      ])
    )
    expect(kept(settled.messages)).toHaveLength(2)
  })

  test('drops later findings on a word a rule spoke for without a finding', () => {
    const settled = settleFindings(
      new Map([
        ['spelling', findingsOf('spelling', [{actual: 'harbour'}, {actual: 'teh'}])],
        ['dialect-consistency', findingsOf('dialect-consistency', [], [harbour])]
      ])
    )
    expect(kept(settled.messages)).toEqual([`spelling teh@${firstTeh}`])
    expect([...settled.owned]).toEqual([harbour])
  })

  test('lets a word spoken for take nothing from the rules before', () => {
    const settled = settleFindings(
      new Map([
        ['dialect-consistency', findingsOf('dialect-consistency', [], [harbour])],
        ['house-style', findingsOf('house-style', [{actual: 'harbour', claims: [harbour]}])]
      ])
    )
    expect(kept(settled.messages)).toEqual([`house-style harbour@${harbour}`])
  })

  test('keeps only the first finding of those that share a `once` key', () => {
    const settled = settleFindings(
      new Map([
        [
          'spelling',
          findingsOf('spelling', [
            {actual: 'teh', once: 'unknown name teh', severity: 'info'},
            {actual: 'teh', after: secondTeh, once: 'unknown name teh', severity: 'info'},
            {actual: 'harbour', once: 'unknown name harbour', severity: 'info'}
          ])
        ]
      ])
    )
    expect(kept(settled.messages)).toEqual([`spelling teh@${firstTeh}`, `spelling harbour@${harbour}`])
  })

  test('keeps the first surviving finding of a `once` key when an earlier rule took the first', () => {
    const settled = settleFindings(
      new Map([
        [
          'spelling',
          findingsOf('spelling', [
            {actual: 'teh', once: 'unknown name teh', severity: 'info'},
            {actual: 'teh', after: secondTeh, once: 'unknown name teh', severity: 'info'}
          ])
        ],
        ['name-consistency', findingsOf('name-consistency', [{actual: 'teh', claims: [firstTeh]}])]
      ])
    )
    expect(kept(settled.messages)).toEqual([`name-consistency teh@${firstTeh}`, `spelling teh@${secondTeh}`])
  })

  test('deletes `claims` and `once` from the findings it keeps', () => {
    const settled = settleFindings(
      new Map([
        ['repeated-words', findingsOf('repeated-words', [{actual: 'teh teh', claims: [firstTeh, secondTeh]}])],
        ['spelling', findingsOf('spelling', [{actual: 'Haugland', once: 'unknown name Haugland', severity: 'info'}])]
      ])
    )
    expect(settled.messages).toHaveLength(2)
    for (const message of settled.messages) {
      expect('claims' in message).toBe(false)
      expect('once' in message).toBe(false)
    }
  })

  test('counts as owned the words kept findings claim and the words spoken for, and nothing else', () => {
    const settled = settleFindings(
      new Map([
        ['repeated-words', findingsOf('repeated-words', [{actual: 'teh teh', claims: [firstTeh, secondTeh]}])],
        ['dialect-consistency', findingsOf('dialect-consistency', [], [harbour])],
        ['spelling', findingsOf('spelling', [{actual: 'Haugland'}])]
      ])
    )
    expect([...settled.owned].sort((a, b) => a - b)).toEqual([firstTeh, secondTeh, harbour])
  })
})

describe('settleAcrossFindings', () => {
  /**
   * A story's settled findings and a finding of `names-across-files` on
   * "Haugland", settled together.
   *
   * @param own The story's own findings, by rule.
   * @returns The story's findings after.
   */
  function settleAcross(own: ReadonlyArray<[string, Said]>): string[] {
    const file = new VFile({path: 'story.txt', value: story})
    for (const [ruleId, said] of own) file.messages.push(...findingsOf(ruleId, [said]).messages)
    const across = findingsOf('names-across-files', [{actual: 'Haugland'}]).messages
    settleAcrossFindings(file, across)
    return kept(file.messages)
  }

  test.each([
    ['info', 'an unknown name to check once'],
    ['warning', 'a name one slip from a known one']
  ] as const)('replaces what `spelling` said at %s on the same word (%s)', (severity, _kind) => {
    expect(settleAcross([['spelling', {actual: 'Haugland', severity}]])).toEqual([`names-across-files Haugland@${haugland}`])
  })

  test('never replaces a `spelling` error, which was never taken for a name', () => {
    expect(settleAcross([['spelling', {actual: 'Haugland', severity: 'error'}]])).toEqual([
      `spelling Haugland@${haugland}`,
      `names-across-files Haugland@${haugland}`
    ])
  })

  test('replaces nothing another rule said on the word, nor `spelling` on another word', () => {
    expect(
      settleAcross([
        ['house-style', {actual: 'Haugland', severity: 'info'}],
        ['spelling', {actual: 'harbour', severity: 'info'}]
      ])
    ).toEqual([`house-style Haugland@${haugland}`, `names-across-files Haugland@${haugland}`, `spelling harbour@${harbour}`])
  })

  test('puts the findings in place order, keeping the order of those at one place', () => {
    expect(
      settleAcross([
        ['spelling', {actual: 'harbour', severity: 'warning'}],
        ['repeated-words', {actual: 'teh teh', severity: 'error'}],
        ['house-style', {actual: 'Haugland', severity: 'warning'}]
      ])
    ).toEqual([
      `house-style Haugland@${haugland}`,
      `names-across-files Haugland@${haugland}`,
      `repeated-words teh teh@${firstTeh}`,
      `spelling harbour@${harbour}`
    ])
  })
})
