import type {TextEdit} from 'vscode-languageserver'
import type {TextDocument} from 'vscode-languageserver-textdocument'
import type {Format} from '../files/formats.js'
import {ownFrontMatter} from '../parse/front-matter.js'

/**
 * The edit that turns a rule off for one line of a story with the comment
 * marker copydesk reads (see "Suppressing a finding" in the README):
 * `<!-- copydesk-disable-next-line rule -->` covers the first line with
 * prose after the line the comment ends on.
 *
 * - In Markdown, inside a paragraph (the line above has prose), the marker
 *   goes at the end of the line above: a comment on a line of its own would
 *   split the paragraph in two. Above the first line of a block, it goes on
 *   a line of its own, in the block's quote markers and indent.
 * - In HTML, it goes on a line of its own above, in the line's indent.
 * - Plain text has no comments: no edit (a writer uses `[sic]` there).
 * - Front matter is YAML, where a comment marker would break it: no edit.
 */

/** The leading quote markers and indent of a Markdown line (`> > `, `  `). */
const containerPrefix = /^(?:[ \t]{0,3}>)*[ \t]*/

/** Lines after which a marker cannot be appended (read after their indent): fences, rules and underlines, table rows, tags. */
const notProse = /^(?:`{3,}|~{3,}|-{3,}|={3,}|\*{3,}|_{3,}|\||<)/

/**
 * The edit that disables a rule on a line.
 *
 * @param document The document.
 * @param line The 0-based line of the finding.
 * @param ruleId The rule to turn off.
 * @param format The document's format.
 * @returns The edit, or `undefined` where no marker can be written.
 */
export function disableLineEdit(document: TextDocument, line: number, ruleId: string, format: Format | undefined): TextEdit | undefined {
  if (format !== 'markdown' && format !== 'html') return undefined
  const text = document.getText()
  const lines = text.split(/\r\n|\r|\n/)
  const current = lines[line]
  if (current === undefined || (format === 'markdown' && document.offsetAt({line, character: 0}) < frontMatterEnd(text))) return undefined
  const marker = `<!-- copydesk-disable-next-line ${ruleId} -->`
  const eol = /\r\n/.test(text) ? '\r\n' : /\r/.test(text) && !/\n/.test(text) ? '\r' : '\n'
  const above = line > 0 ? lines[line - 1] : undefined
  if (format === 'markdown' && above !== undefined) {
    const content = above.replace(containerPrefix, '')
    // Inside a paragraph: appended to the line above, which keeps the paragraph whole.
    if (content.trim() !== '' && !notProse.test(content)) {
      const end = {line: line - 1, character: above.length}
      return {range: {start: end, end}, newText: ' ' + marker}
    }
  }
  const prefix = format === 'markdown' ? (current.match(containerPrefix)?.[0] ?? '') : (current.match(/^[ \t]*/)?.[0] ?? '')
  const start = {line, character: 0}
  return {range: {start, end: start}, newText: prefix + marker + eol}
}

/**
 * Where a Markdown story's front matter ends, as copydesk reads it: YAML or
 * TOML fenced at the very start (remark-frontmatter's), or after blank
 * lines, or a JSON object (Hugo's: see `ownFrontMatter`, which finds the
 * fences after at least one line break, so the story is given one more).
 *
 * @param text The story.
 * @returns The offset after the front matter; 0 without one.
 */
function frontMatterEnd(text: string): number {
  const own = ownFrontMatter(text)
  if (own) return own.end
  const atStart = ownFrontMatter('\n' + text)
  return atStart ? atStart.end - 1 : 0
}
