import {describe, expect, test} from 'vitest'
import {TextDocument} from 'vscode-languageserver-textdocument'
import {disableLineEdit} from '../src/language-server/disable-line.js'

/**
 * The marker a "Disable rule for this line" action would write for a line.
 *
 * @param text A Markdown story.
 * @param line 0-based line.
 * @returns The text inserted, or `undefined` when none may be.
 */
function markerFor(text: string, line: number): string | undefined {
  return disableLineEdit(TextDocument.create('file:///story.md', 'markdown', 1, text), line, 'spelling', 'markdown')?.newText
}

describe('disabling a rule for a line of Markdown', () => {
  test.each([
    ['YAML front matter', '---\ntitle: Teh port\n---\n\nThe port.\n'],
    ['TOML front matter', '+++\ntitle = "Teh port"\n+++\n\nThe port.\n'],
    ['YAML front matter after a blank line, as Hugo reads it', '\n---\ntitle: Teh port\n---\n\nThe port.\n']
  ])('writes no marker inside %s, where it would break it', (_name, text) => {
    const line = text.split('\n').findIndex((row) => row.includes('Teh'))
    expect(markerFor(text, line)).toBeUndefined()
    expect(markerFor(text, text.split('\n').length - 2)).toBe('<!-- copydesk-disable-next-line spelling -->\n')
  })

  test('writes one above a line after a rule that opens the story, which is no front matter', () => {
    expect(markerFor('---\n\nA rule above. Teh.\n', 2)).toBe('<!-- copydesk-disable-next-line spelling -->\n')
  })
})
