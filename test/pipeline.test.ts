import {describe, expect, test} from 'vitest'
import {toInputFile} from '../src/files/read-input.js'
import {lintInMemory, makeTree} from './helpers.js'

/** A story of about 150,000 characters. */
function longStory(sentence: string): string {
  return Array.from({length: 1500}, () => sentence).join('\n\n') + '\n'
}

const quay = 'The ferry from Wierzbna docked at the quay on time, and the crew unloaded crates of apples for the market.'

describe('lintStories', () => {
  test('applies each folder its own config, and names a broken config once', async () => {
    const stories: Record<string, string> = {
      'north/.copydeskrc.json': '{"words": ["Wierzbna"]}\n',
      'north/one.txt': longStory(quay),
      'south/one.txt': longStory(quay),
      'north/two.txt': longStory(quay),
      'south/two.txt': longStory(quay),
      'broken/.copydeskrc.json': '{"words": \n',
      'broken/one.txt': longStory(quay),
      'broken/two.txt': longStory(quay)
    }
    const cwd = await makeTree(stories)
    const names = ['north/one.txt', 'south/one.txt', 'broken/one.txt', 'north/two.txt', 'south/two.txt', 'broken/two.txt']
    const result = await lintInMemory(
      names.map((name) => toInputFile(name, stories[name] ?? '', cwd)),
      {cwd}
    )
    const unknown = result.files.map((file) => [
      file.path,
      file.messages.filter((message) => message.actual === 'Wierzbna').length
    ])
    expect(unknown).toEqual([
      ['north/one.txt', 0],
      ['south/one.txt', 1],
      ['north/two.txt', 0],
      ['south/two.txt', 1]
    ])
    expect(result.problems.map((problem) => problem.toLine())).toEqual([
      expect.stringMatching(/^broken\/\.copydeskrc\.json:?\d*: invalid JSON/)
    ])
  })
})
