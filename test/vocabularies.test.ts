import os from 'node:os'
import {describe, expect, test} from 'vitest'
import {lintText} from '../src/lint.js'
import {cspellWords, vocabularyLookup} from '../src/words/vocabularies.js'
import {commonMisspelling} from '../src/words/common-misspellings.js'
import {findings, makeTree, runCli} from './helpers.js'

/** A story of the technology desk, with the trade's words and one slip. */
const techDesk =
  'The backend team moved its repos to GitHub last week. Their devops lead said auth for the orgs was done, and the frontend shipped teh same day.\n'

/**
 * Lint a story with settings as a config file holds them.
 *
 * @param text The story.
 * @param vocabularies Config `vocabularies`; not set when `undefined`.
 * @returns Its findings as `place severity actual`.
 */
async function lintWith(text: string, vocabularies?: string[]): Promise<string[]> {
  const config = vocabularies === undefined ? {} : {vocabularies: vocabularies as Array<'software' | 'companies'>}
  return findings(await lintText(text, {path: 'story.txt', cwd: os.tmpdir(), config}))
}

describe('vocabularies', () => {
  test('accepts the software trade’s words by default, and still flags the slip', async () => {
    expect(await lintWith(techDesk)).toEqual(['1:131-1:134 error teh'])
  })

  test('with none switched on, the trade’s words are reported again', async () => {
    const found = await lintWith(techDesk, [])
    for (const word of ['backend', 'repos', 'devops']) expect(found.some((line) => line.endsWith(' ' + word))).toBe(true)
  })

  test('accepts a listed brand as written, not in another case', async () => {
    // `Github` is a case variant of the story's `GitHub`: a warning (see the names rules), not accepted.
    expect(await lintWith('Kubernetes runs the cluster, and the Github page and the GitHub wiki say so.\n')).toEqual([
      '1:38-1:44 warning Github'
    ])
  })

  test('leaves out of a vocabulary the common misspellings its lists hold', () => {
    const software = vocabularyLookup(['software'])
    expect(software?.correct('backend')).toBe(true)
    expect(software?.correct('Backend')).toBe(true)
    // In cspell's software list, and in its list of common misspellings.
    expect(software?.correct('sended')).toBe(false)
    expect(software?.correct('discoverd')).toBe(false)
  })

  test('companies is switched on by name', async () => {
    const story = 'Shares in Accenture rose after Deloitte reported.\n'
    expect(await lintWith(story, ['software'])).toEqual(['1:32-1:40 info Deloitte'])
    expect(await lintWith(story, ['software', 'companies'])).toEqual([])
  })

  test('an unknown vocabulary is a config error at its line and column, with exit code 2', async () => {
    const cwd = await makeTree({'.copydeskrc.json': '{\n  "vocabularies": ["software", "medicne"]\n}\n', 'story.txt': techDesk})
    const run = await runCli(['story.txt'], {cwd})
    expect(run).toEqual({
      code: 2,
      stdout: '',
      stderr: 'copydesk: .copydeskrc.json:2:32: `vocabularies.1`: expected one of `software`, `companies`\n'
    })
  })
})

describe('a cspell word list as copydesk reads it', () => {
  test.each([
    ['plain words, comments and blank lines', '# cspell-tools: keep-case\n\nbackend\nGitHub  # a brand\n', ['backend', 'GitHub']],
    ['compound and case marks taken off', '*Auth*\n+ify\n~kubectl\n', ['Auth', 'ify', 'kubectl']],
    ['forbidden words left out', '!colour\nrepo\n', ['repo']],
    ['phrases, paths and symbols left out', 'New Relic\nsrc/main\nC#\nNode.js\nx86-64\n', ['Node.js', 'x86-64']]
  ])('%s', (_name, text, words) => {
    expect(cspellWords(text)).toEqual(words)
  })
})

describe('common misspellings', () => {
  test.each([
    ['recieved', ['received']],
    ['youre', ['your']],
    ['received', undefined],
    ['backend', undefined],
    // Letters past ASCII, in the slip or its corrections: found and given back as written.
    ['sawtays', ['sautés']],
    ['évaluate', ['evaluate']],
    ['\u0441ontain', ['contain']],
    ['\u0441ontai', undefined],
    ['craches', ['crashes', 'caches', 'crutches', 'coaches', 'crèches']]
  ])('%s has corrections %j', (word, corrections) => {
    expect(commonMisspelling(word)).toEqual(corrections)
  })
})
