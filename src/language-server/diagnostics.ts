import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {type Diagnostic, DiagnosticSeverity, type DiagnosticRelatedInformation} from 'vscode-languageserver'
import type {TextDocument} from 'vscode-languageserver-textdocument'
import type {VFile} from 'vfile'
import {VFileMessage} from 'vfile-message'
import type {CopydeskError} from '../errors.js'
import {type Severity, severityOf} from '../severity.js'
import {documentRange, rangeFromLines} from './ranges.js'

/** LSP severities for copydesk's: `info` is context, which LSP calls information. */
const lspSeverity: Readonly<Record<Severity, DiagnosticSeverity>> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information
}

/** What every diagnostic of copydesk's says it comes from. */
export const diagnosticSource = 'copydesk'

/**
 * Turn a finding into an LSP diagnostic: its range in the document, its
 * severity, the rule id as `code` with the rule's README section as
 * `codeDescription`, and the place the expected spelling is first used
 * ("first used here": in this story, or in another of the workspace) as
 * related information.
 *
 * @param message The finding.
 * @param file The linted story.
 * @param document The document it was linted from.
 * @returns The diagnostic, or `undefined` for a finding without a place.
 */
export function toDiagnostic(message: VFileMessage, file: VFile, document: TextDocument): Diagnostic | undefined {
  const range = documentRange(message.place, file, document)
  if (!range) return undefined
  const diagnostic: Diagnostic = {range, severity: lspSeverity[severityOf(message)], source: diagnosticSource, message: message.reason}
  if (message.ruleId) diagnostic.code = message.ruleId
  if (message.url) diagnostic.codeDescription = {href: message.url}
  const related = firstUse(message, file, document)
  if (related) diagnostic.relatedInformation = [related]
  return diagnostic
}

/**
 * The place a consistency finding's expected spelling is first used (its
 * `cause`), as related information.
 *
 * @param message The finding.
 * @param file The linted story.
 * @param document The document it was linted from.
 * @returns The related place, or `undefined` when the finding compares against nothing.
 */
function firstUse(message: VFileMessage, file: VFile, document: TextDocument): DiagnosticRelatedInformation | undefined {
  const cause = message.cause
  if (!(cause instanceof VFileMessage) || !cause.place) return undefined
  // A cause in another story names it by its path in the run (relative to the working folder).
  const elsewhere = cause.file ? path.resolve(file.cwd, cause.file) : undefined
  if (elsewhere && elsewhere !== path.resolve(file.cwd, file.path)) {
    return {location: {uri: pathToFileURL(elsewhere).href, range: rangeFromLines(cause.place)}, message: cause.reason}
  }
  const range = documentRange(cause.place, file, document)
  return range && {location: {uri: document.uri, range}, message: cause.reason}
}

/**
 * A problem met linting the story as one diagnostic at the top of the
 * document: one that stopped the lint (a config that cannot be read or is
 * invalid), so the writer sees why nothing else is underlined and where to
 * look, or a rule that failed beside the others' findings.
 *
 * @param problem The problem.
 * @param stopped Whether it stopped the lint.
 * @returns The diagnostic.
 */
export function problemDiagnostic(problem: CopydeskError, stopped: boolean): Diagnostic {
  return {
    range: {start: {line: 0, character: 0}, end: {line: 0, character: 0}},
    severity: DiagnosticSeverity.Error,
    source: diagnosticSource,
    message: (stopped ? 'copydesk cannot lint this story: ' : 'copydesk: ') + problem.toLine()
  }
}
