import {describe, expect, test} from 'vitest'
import {findings, lintDoc} from './helpers.js'

describe('@handles', () => {
  test('a slip of the same letters without the @ is reported', async () => {
    expect(findings(await lintDoc('Ask newsdeskk today.\n', 'story.md'))).toEqual(['1:5-1:14 warning newsdeskk'])
  })

  test.each([
    ['story.txt', 'Ask @newsdeskk today.\n'],
    ['story.md', 'Ask @newsdeskk today.\n'],
    ['story.md', 'Ask &#64;newsdeskk today, Smith &amp; Sons said.\n'],
    ['story.md', '---\ntitle: Ask @newsdeskk\n---\n\nAsk @newsdeskk today.\n'],
    ['story.html', '<p>Ask &#64;newsdeskk today.</p>\n']
  ])('an @handle in %s is not spell-checked: %j', async (filePath, doc) => {
    expect(findings(await lintDoc(doc, filePath))).toEqual([])
  })
})
