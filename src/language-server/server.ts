import path from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'
import {
  CodeActionKind,
  type Connection,
  DidChangeWatchedFilesNotification,
  type InitializeResult,
  MessageType,
  ShowMessageNotification,
  TextDocuments,
  TextDocumentSyncKind
} from 'vscode-languageserver'
import {TextDocument} from 'vscode-languageserver-textdocument'
import {addRepoWords, shownPath} from '../config/repo-words.js'
import {findCopydeskError} from '../errors.js'
import {formatByExtension} from '../files/formats.js'
import {addWordCommand, codeActions, fixAllKind} from './code-actions.js'
import {documentPlace, type DocumentPlace, lintDocument, type LintedDocument} from './lint-document.js'
import {WorkspaceIndex} from './workspace-index.js'

/** How long to wait after a keystroke before linting: typing on, the writer gets one lint per pause. */
export const lintDelay = 150

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
 * What each part does lives in its module: `lint-document.ts` lints one
 * document (through `lintText`, with the CLI's config discovery),
 * `diagnostics.ts` turns findings into diagnostics, `code-actions.ts`
 * offers the fixes, `workspace-index.ts` keeps the names of the saved
 * stories. This module only wires them to the protocol and times them.
 *
 * @param connection The connection, not yet listening.
 */
export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument)
  const results = new Map<string, LintedDocument>()
  const timers = new Map<string, NodeJS.Timeout>()
  const running = new Set<string>()
  const again = new Set<string>()
  /** Problems already shown as a message: a broken config is told once, not on every keystroke. */
  const told = new Set<string>()
  let indexes: WorkspaceIndex[] = []
  let fallback = process.cwd()
  let watchDynamically = false
  let stopped = false

  /**
   * Show the writer a message. A notification, not `window.showWarningMessage`,
   * which is a request: a client without `window/showMessageRequest` answers
   * it with an error, and nothing is waited for here anyway.
   *
   * @param type How serious it is.
   * @param message The text.
   */
  function showMessage(type: MessageType, message: string): void {
    void connection.sendNotification(ShowMessageNotification.type, {type, message})
  }

  const placeOf = (document: TextDocument): DocumentPlace => documentPlace(document, indexes, fallback)
  const indexOf = (place: DocumentPlace): WorkspaceIndex | undefined => indexes.find((index) => index.root === place.cwd)

  /**
   * Lint a document now, unless it is being linted (then once more after),
   * and publish its diagnostics if it has not changed meanwhile.
   *
   * @param uri The document's URI.
   * @returns What was found, or `undefined` when the document is closed or being linted.
   */
  async function lintNow(uri: string): Promise<LintedDocument | undefined> {
    const document = documents.get(uri)
    if (!document || stopped) return undefined
    if (running.has(uri)) {
      again.add(uri)
      return undefined
    }
    running.add(uri)
    try {
      const place = placeOf(document)
      const linted = await lintDocument(document, place, indexOf(place))
      const current = documents.get(uri)
      if (!current) return undefined
      results.set(uri, linted)
      if (current.version === document.version) {
        await connection.sendDiagnostics({uri, version: document.version, diagnostics: linted.diagnostics})
      } else again.add(uri)
      if (linted.problem && !told.has(linted.problem.toLine())) {
        told.add(linted.problem.toLine())
        showMessage(MessageType.Warning, 'copydesk: ' + linted.problem.toLine())
      }
      return linted
    } catch (error) {
      // Nothing a document holds may bring the server down: the failure is logged, the editor goes on.
      connection.console.error(`copydesk: linting ${uri} failed: ${(error as Error)?.stack ?? String(error)}`)
      return undefined
    } finally {
      running.delete(uri)
      if (again.delete(uri)) schedule(uri, 0)
    }
  }

  /**
   * Lint a document after a pause.
   *
   * @param uri The document's URI.
   * @param delay Milliseconds to wait.
   */
  function schedule(uri: string, delay: number): void {
    clearTimeout(timers.get(uri))
    timers.set(
      uri,
      setTimeout(function () {
        timers.delete(uri)
        void lintNow(uri)
      }, delay)
    )
  }

  /** Lint every open document again: a config, word list or another story changed. */
  function relintAll(): void {
    for (const document of documents.all()) schedule(document.uri, lintDelay)
  }

  /**
   * Build each workspace folder's names index, with progress shown, and
   * lint the open documents again once it is there.
   */
  async function buildIndexes(): Promise<void> {
    for (const index of indexes) {
      const progress = await connection.window.createWorkDoneProgress()
      progress.begin('copydesk', 0, 'Indexing names in ' + index.root, false)
      let shown = -1
      try {
        const finished = await index.build(function (done, total) {
          const percentage = total === 0 ? 100 : Math.floor((done * 100) / total)
          if (percentage === shown) return
          shown = percentage
          progress.report(percentage, `${done} of ${total} stories`)
        })
        if (finished) relintAll()
      } catch (error) {
        connection.console.error(`copydesk: indexing ${index.root} failed: ${(error as Error)?.stack ?? String(error)}`)
      } finally {
        progress.done()
      }
    }
  }

  connection.onInitialize(function (params): InitializeResult {
    const folders = params.workspaceFolders?.map((folder) => folder.uri) ?? (params.rootUri ? [params.rootUri] : [])
    indexes = folders.filter((uri) => uri.startsWith('file:')).map((uri) => new WorkspaceIndex(fileURLToPath(uri)))
    fallback = indexes[0]?.root ?? process.cwd()
    watchDynamically = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true
    return {
      capabilities: {
        textDocumentSync: {openClose: true, change: TextDocumentSyncKind.Incremental, save: {includeText: false}},
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
    void buildIndexes()
  })

  documents.onDidChangeContent((change) => schedule(change.document.uri, lintDelay))

  documents.onDidClose(function ({document}) {
    clearTimeout(timers.get(document.uri))
    timers.delete(document.uri)
    results.delete(document.uri)
    void connection.sendDiagnostics({uri: document.uri, diagnostics: []})
  })

  documents.onDidSave(function ({document}) {
    void savedOrChanged([document.uri])
  })

  connection.onDidChangeWatchedFiles(function ({changes}) {
    // A story deleted is read again too: its names leave the index.
    void savedOrChanged(changes.map((change) => change.uri))
  })

  /**
   * Bring the indexes up to date after files changed on disk: a story's
   * names are read again; any other file (a config, a word list, a house
   * style) may change every story's findings, so the indexes are built
   * again. Then the open documents are linted again, their configs found
   * afresh.
   *
   * @param uris The files that changed.
   */
  async function savedOrChanged(uris: readonly string[]): Promise<void> {
    let rebuild = false
    for (const uri of uris) {
      if (!uri.startsWith('file:')) continue
      const filePath = fileURLToPath(uri)
      const inside = indexes.filter((index) => index.contains(filePath))
      if (inside.length === 0) continue
      const isStory = formatByExtension.has(path.extname(filePath).toLowerCase()) && !/[\\/]\.copydesk[\\/]/.test(filePath)
      if (!isStory) {
        rebuild = true
        continue
      }
      for (const index of inside) {
        try {
          await index.update(filePath)
        } catch (error) {
          connection.console.error(`copydesk: reading ${filePath} failed: ${(error as Error)?.message ?? String(error)}`)
        }
      }
    }
    relintAll()
    if (rebuild) void buildIndexes()
  }

  connection.onCodeAction(async function (params) {
    const document = documents.get(params.textDocument.uri)
    if (!document) return []
    let linted = results.get(document.uri)
    // Asked before the pause after a change ran out: lint the text as it is now.
    if (!linted || linted.document.version !== document.version) linted = (await lintNow(document.uri)) ?? linted
    if (!linted || linted.document.version !== document.version) return []
    return codeActions(linted, placeOf(document), params.range, params.context.only)
  })

  connection.onExecuteCommand(async function (params) {
    if (params.command !== addWordCommand) return
    const [uri, word] = params.arguments ?? []
    const document = typeof uri === 'string' ? documents.get(uri) : undefined
    if (!document || typeof word !== 'string') return
    const place = placeOf(document)
    try {
      const {added, filePath} = await addRepoWords([word], path.dirname(place.filePath), place.cwd)
      const shown = shownPath(filePath, place.cwd)
      connection.console.info(added.length > 0 ? `copydesk: added to ${shown}: ${added.join(', ')}` : `copydesk: already in ${shown}: ${word}`)
      // Known now in every story under that list: the open ones and the index.
      await savedOrChanged([pathToFileURL(filePath).href])
    } catch (error) {
      const problem = findCopydeskError(error)
      showMessage(MessageType.Error, 'copydesk: ' + (problem ? problem.toLine() : String((error as Error)?.message ?? error)))
    }
  })

  connection.onShutdown(function () {
    stopped = true
    for (const timer of timers.values()) clearTimeout(timer)
    timers.clear()
    for (const index of indexes) index.stop()
  })

  documents.listen(connection)
}
