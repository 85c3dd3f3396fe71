import {type CodeAction, CodeActionKind, type Range, type TextEdit} from 'vscode-languageserver'
import {formatOf} from '../files/formats.js'
import {fixFile, writtenAs} from '../settle/fix.js'
import {disableLineEdit} from './disable-line.js'
import type {DocumentPlace, LintedDocument} from './lint-document.js'
import {documentOffsets, documentRange, rangesMeet} from './ranges.js'

/** The command that adds a word to the repository word list: arguments, the document's URI and the word. */
export const addWordCommand = 'copydesk.addWord'

/** The kind of the source action that applies every certain fix, as `--fix` does. */
export const fixAllKind = CodeActionKind.SourceFixAll + '.copydesk'

/** Rules whose findings a word list answers: an unknown word the writer knows is right. */
const wordListRules = new Set(['spelling'])

/**
 * The code actions for a range of a linted document:
 *
 * - for each finding there, "Replace with `x`" for each of its `expected`,
 *   the first the preferred quick fix (only where the range still holds
 *   exactly the word found: a word written across markup, `**w**ord`, is
 *   left to the writer, as `--fix` leaves it);
 * - "Add `x` to the word list" for an unknown word (`copydesk words add`);
 * - "Disable `rule` for this line" with a comment marker, in Markdown and HTML;
 * - and "Fix all certain findings", exactly the edits `--fix` would make.
 *
 * @param linted The document's last lint, which must be of its current version.
 * @param place Where the document is (its format).
 * @param range The range asked about.
 * @param only The kinds the client wants, if it says.
 * @returns The actions.
 */
export function codeActions(linted: LintedDocument, place: DocumentPlace, range: Range, only?: readonly string[]): CodeAction[] {
  const wants = (kind: string): boolean => !only || only.some((wanted) => kind === wanted || kind.startsWith(wanted + '.'))
  const {document, file} = linted
  const {uri} = document
  const actions: CodeAction[] = []
  if (file && wants(CodeActionKind.QuickFix)) {
    const text = document.getText()
    for (const {message, diagnostic} of linted.findings) {
      if (!rangesMeet(diagnostic.range, range)) continue
      const offsets = documentOffsets(message.place, file)
      const holdsWord = offsets !== undefined && message.actual !== undefined && text.slice(offsets.start, offsets.end) === message.actual
      for (const [index, expected] of (holdsWord ? (message.expected ?? []) : []).entries()) {
        actions.push({
          title: `Replace with \`${expected}\``,
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          isPreferred: index === 0,
          edit: {changes: {[uri]: [{range: diagnostic.range, newText: writtenAs(expected, formatOf(file.path))}]}}
        })
      }
      if (message.ruleId && wordListRules.has(message.ruleId) && message.actual && !/[#\r\n]/.test(message.actual)) {
        const title = `Add \`${message.actual}\` to the word list`
        actions.push({title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], command: {title, command: addWordCommand, arguments: [uri, message.actual]}})
      }
      const edit = message.ruleId ? disableLineEdit(document, diagnostic.range.start.line, message.ruleId, place.format) : undefined
      if (edit) {
        actions.push({
          title: `Disable \`${message.ruleId}\` for this line`,
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          edit: {changes: {[uri]: [edit]}}
        })
      }
    }
  }
  if (file && wants(fixAllKind)) {
    const edits = fixAllEdits(linted)
    if (edits.length > 0) actions.push({title: 'Fix all certain findings', kind: fixAllKind, edit: {changes: {[uri]: edits}}})
  }
  return actions
}

/**
 * The edits of "Fix all certain findings": those `fixFile` makes for
 * `--fix` (the same fixable test, the same overlap rule), one per finding.
 *
 * @param linted The document's last lint.
 * @returns The edits, or none when nothing is certain.
 */
export function fixAllEdits(linted: LintedDocument): TextEdit[] {
  const {document, file} = linted
  const fix = file && fixFile(file)
  if (!file || !fix) return []
  const format = formatOf(file.path)
  return fix.fixed.flatMap(function (message): TextEdit[] {
    const range = documentRange(message.place, file, document)
    const expected = message.expected?.[0]
    // Written as `--fix` writes it: `AT&T` is `AT&amp;T` in HTML.
    return range && expected !== undefined ? [{range, newText: writtenAs(expected, format)}] : []
  })
}
