import path from 'node:path'
import {fileURLToPath} from 'node:url'
import type {Diagnostic} from 'vscode-languageserver'
import type {TextDocument} from 'vscode-languageserver-textdocument'
import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {rules} from '../../rules/index.js'
import {acrossFiles} from '../across/across.js'
import {latestStories} from '../across/names-index.js'
import {StoryConfigs} from '../config/story-configs.js'
import {isAcrossRule} from '../define-rule.js'
import type {CopydeskError} from '../errors.js'
import {problemFromFailure} from '../failures.js'
import {formatByExtension, type Format} from '../files/formats.js'
import {lintText} from '../lint.js'
import {problemDiagnostic, toDiagnostic} from './diagnostics.js'
import type {WorkspaceIndex} from './workspace-index.js'

/** The rules across stories, which report once the workspace's names are weighed. */
const acrossRules = rules.filter(isAcrossRule)

/** The extension a document without one of copydesk's gets, by the language the editor gave it. */
const extensionByLanguage: Readonly<Record<string, string>> = {markdown: '.md', html: '.html', plaintext: '.txt'}

/** A finding with the diagnostic the editor was sent for it. */
export interface ShownFinding {
  message: VFileMessage
  diagnostic: Diagnostic
}

/** What linting a document gave, kept until the next lint for code actions. */
export interface LintedDocument {
  /** The document as it was linted (its text and version). */
  document: TextDocument
  /** The linted story; `undefined` when a problem stopped it. */
  file: VFile | undefined
  /** The findings shown, in the order sent. */
  findings: ShownFinding[]
  /** Every diagnostic to publish: the findings', or the one problem. */
  diagnostics: Diagnostic[]
  /** The problem that stopped the lint, if one did. */
  problem: CopydeskError | undefined
}

/** Where a document is linted from: its path (format and config) and working folder. */
export interface DocumentPlace {
  /** Absolute path: the file's, or a made-up one in `cwd` for an unsaved document. */
  filePath: string
  /** The workspace folder it is in, else its own folder: where paths in the run start. */
  cwd: string
  /** The format copydesk reads it as. */
  format: Format | undefined
}

/**
 * Where copydesk should take a document to be: a file's own path, so that
 * its format and config are those the CLI would use. A document whose name
 * has none of copydesk's extensions (an untitled buffer, `notes.wire`)
 * gets the one of the language the editor gave it; the CLI reads such a
 * file as plain text, and so does the server when the language is none
 * of Markdown, HTML or plain text.
 *
 * @param document The document.
 * @param folders The workspace folders' indexes, to find the working folder.
 * @param fallback Folder for documents that are not files (the first workspace folder, or the server's).
 * @returns Its place.
 */
export function documentPlace(document: TextDocument, folders: readonly WorkspaceIndex[], fallback: string): DocumentPlace {
  let filePath: string
  if (document.uri.startsWith('file:')) {
    filePath = fileURLToPath(document.uri)
  } else {
    // `untitled:Untitled-1`: a name in the fallback folder, so its config is that folder's.
    const name = decodeURIComponent(document.uri.replace(/^[a-z][\w+.-]*:/i, '')).replace(/[\\/:]/g, '-') || 'untitled'
    filePath = path.join(fallback, name)
  }
  if (!formatByExtension.has(path.extname(filePath).toLowerCase())) filePath += extensionByLanguage[document.languageId] ?? ''
  const folder = folders.find((index) => index.contains(filePath))
  return {filePath, cwd: folder?.root ?? path.dirname(filePath), format: formatByExtension.get(path.extname(filePath).toLowerCase())}
}

/**
 * Lint a document from its text as the editor holds it (saved or not),
 * through `lintText`: the config is found afresh from the document's path
 * every time, so an edited config, word list or house style counts from
 * the next lint on. With the workspace's names index built, the document's
 * names are weighed against the other stories' (`names-across-files`),
 * its own saved copy in the index replaced by its live text.
 *
 * A story the config's `ignore` leaves out gets no findings, as in the CLI.
 * A problem (a config that cannot be read or is invalid) is one diagnostic
 * at the top of the document, never a failure of the server.
 *
 * @param document The document.
 * @param place Where it is (see `documentPlace`).
 * @param index The names index of its workspace folder, when it has one.
 * @returns What was found.
 */
export async function lintDocument(document: TextDocument, place: DocumentPlace, index: WorkspaceIndex | undefined): Promise<LintedDocument> {
  let file: VFile
  try {
    // A story its config's `ignore` leaves out is not linted, as the CLI leaves it.
    const configs = new StoryConfigs({cwd: place.cwd})
    if (configs.ignores(configs.forStory(place.filePath), place.filePath)) {
      return {document, file: undefined, findings: [], diagnostics: [], problem: undefined}
    }
    file = await lintText(document.getText(), {path: place.filePath, cwd: place.cwd})
  } catch (error) {
    // `linting failed: reason` for what is not copydesk's own error, as the CLI says it.
    const problem = problemFromFailure(error, place.filePath)
    return {document, file: undefined, findings: [], diagnostics: [problemDiagnostic(problem, true)], problem}
  }
  const problems: CopydeskError[] = [...(file.data.problems ?? [])]
  const own = file.data.copydeskNames
  if (index?.ready && own) {
    // Only this story's findings are wanted: the others' stay with their own lints.
    acrossFiles([file], latestStories([...index.allStories(), own]), problems, acrossRules)
  }
  const findings: ShownFinding[] = []
  for (const message of file.messages) {
    const diagnostic = toDiagnostic(message, file, document)
    if (diagnostic) findings.push({message, diagnostic})
  }
  const diagnostics = findings.map((finding) => finding.diagnostic)
  // A rule that failed leaves the others' findings: say so once, beside them.
  const [problem] = problems
  if (problem) diagnostics.push(problemDiagnostic(problem, false))
  return {document, file, findings, diagnostics, problem}
}
