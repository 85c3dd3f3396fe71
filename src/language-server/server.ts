import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {
  CodeActionKind,
  type Connection,
  DidChangeWatchedFilesNotification,
  type InitializeResult,
  MessageType,
  TextDocuments,
  TextDocumentSyncKind
} from 'vscode-languageserver'
import {TextDocument} from 'vscode-languageserver-textdocument'
import {addRepoWords, shownPath} from '../config/repo-words.js'
import {findCopydeskError} from '../errors.js'
import {addWordCommand, codeActions, fixAllKind} from './code-actions.js'
import {OpenDocuments, showMessage} from './open-documents.js'
import {Workspace} from './workspace.js'

/** The files whose change may change findings besides the stories: configs, word lists, house style. */
const watchedGlobs = [
  '**/{.copydeskrc,.copydeskrc.json,.copydeskrc.yaml,.copydeskrc.yml,package.json}',
  '**/.copydesk/**',
  '**/*.{txt,text,md,markdown,html,htm,json,yaml,yml,toml,csv}'
]

/**
 * Serve copydesk over a language server connection: diagnostics for the
 * Markdown, HTML and plain-text documents the editor opens, as they are
 * edited; quick fixes; and the workspace's names index for findings
 * across stories, built in the background.
 *
 * What each part does lives in its module: `open-documents.ts` times the
 * lints of the open documents, `lint-document.ts` lints one (through
 * `lintText`, with the CLI's config discovery), `diagnostics.ts` turns
 * findings into diagnostics, `code-actions.ts` offers the fixes,
 * `workspace.ts` keeps the folders' names indexes (`workspace-index.ts`).
 * This module only wires them to the protocol.
 *
 * @param connection The connection, not yet listening.
 */
export function startServer(connection: Connection): void {
  const workspace = new Workspace(connection)
  const open = new OpenDocuments(connection, new TextDocuments(TextDocument), workspace)
  const {documents} = open
  let watchDynamically = false
  let foldersChange = false

  /**
   * After files changed on disk: the indexes brought up to date, the open
   * documents linted again with their configs found afresh.
   *
   * @param uris The files that changed.
   */
  async function savedOrChanged(uris: readonly string[]): Promise<void> {
    const rebuild = await workspace.changed(uris)
    open.relintAll()
    if (rebuild) void workspace.build(() => open.relintAll())
  }

  connection.onInitialize(function (params): InitializeResult {
    workspace.open(params.workspaceFolders?.map((folder) => folder.uri) ?? (params.rootUri ? [params.rootUri] : []))
    watchDynamically = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true
    foldersChange = params.capabilities.workspace?.workspaceFolders === true
    return {
      capabilities: {
        textDocumentSync: {openClose: true, change: TextDocumentSyncKind.Incremental, save: {includeText: false}},
        workspace: {workspaceFolders: {supported: true, changeNotifications: true}},
        codeActionProvider: {codeActionKinds: [CodeActionKind.QuickFix, fixAllKind]},
        executeCommandProvider: {commands: [addWordCommand]}
      },
      serverInfo: {name: 'copydesk-language-server'}
    }
  })

  connection.onInitialized(function () {
    if (watchDynamically) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, {watchers: watchedGlobs.map((globPattern) => ({globPattern}))})
    }
    // In the background: the documents opened meanwhile are linted at once, without findings across stories.
    void workspace.build(() => open.relintAll())
    // A folder added to the workspace (or removed) while the server runs: its
    // stories are placed in it from now on, and its names are indexed.
    if (foldersChange) {
      connection.workspace.onDidChangeWorkspaceFolders(function ({added, removed}) {
        const fresh = workspace.changeFolders(
          added.map((folder) => folder.uri),
          removed.map((folder) => folder.uri)
        )
        open.relintAll()
        void workspace.build(() => open.relintAll(), fresh)
      })
    }
  })

  documents.onDidChangeContent((change) => open.schedule(change.document.uri))
  documents.onDidClose(({document}) => open.close(document.uri))
  documents.onDidSave(({document}) => void savedOrChanged([document.uri]))
  // A story deleted is read again too: its names leave the index.
  connection.onDidChangeWatchedFiles(({changes}) => void savedOrChanged(changes.map((change) => change.uri)))

  connection.onCodeAction(async function (params) {
    const document = documents.get(params.textDocument.uri)
    if (!document) return []
    // Asked before the pause after a change ran out: lint the text as it is now.
    const linted = open.current(document.uri) ?? (await open.lintNow(document.uri))
    if (!linted || linted.document.version !== document.version) return []
    return codeActions(linted, workspace.placeOf(document), params.range, params.context.only)
  })

  connection.onExecuteCommand(async function (params) {
    if (params.command !== addWordCommand) return
    const [uri, word] = params.arguments ?? []
    const document = typeof uri === 'string' ? documents.get(uri) : undefined
    if (!document || typeof word !== 'string') return
    const place = workspace.placeOf(document)
    try {
      const {added, filePath} = await addRepoWords([word], path.dirname(place.filePath), place.cwd)
      const shown = shownPath(filePath, place.cwd)
      connection.console.info(added.length > 0 ? `copydesk: added to ${shown}: ${added.join(', ')}` : `copydesk: already in ${shown}: ${word}`)
      // Known now in every story under that list: the open ones and the index.
      await savedOrChanged([pathToFileURL(filePath).href])
    } catch (error) {
      const problem = findCopydeskError(error)
      showMessage(connection, MessageType.Error, 'copydesk: ' + (problem ? problem.toLine() : String((error as Error)?.message ?? error)))
    }
  })

  connection.onShutdown(function () {
    open.stop()
    workspace.stop()
  })

  documents.listen(connection)
}
