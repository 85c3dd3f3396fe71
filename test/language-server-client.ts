import {type ChildProcess, spawn} from 'node:child_process'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {createMessageConnection, type MessageConnection, StreamMessageReader, StreamMessageWriter} from 'vscode-languageserver-protocol/node'
import type {
  CodeAction,
  Diagnostic,
  InitializeParams,
  PublishDiagnosticsParams,
  Range,
  TextEdit,
  WorkDoneProgressBegin,
  WorkDoneProgressEnd,
  WorkDoneProgressReport
} from 'vscode-languageserver-protocol'
import {TextDocument} from 'vscode-languageserver-textdocument'

/**
 * A real LSP client for the tests: it starts the built server as an editor
 * does (`node bin/copydesk-language-server.js --stdio`) and speaks JSON-RPC
 * to it over its standard input and output.
 */

/** The server's command, as the README tells editors to run it. */
const bin = path.join(import.meta.dirname, '..', 'bin', 'copydesk-language-server.js')

/** How long a test waits for the server before failing. */
const patience = 60_000

/** A document the client has open: its URI, text and version, kept as an editor keeps them. */
export interface OpenDocument {
  uri: string
  languageId: string
  version: number
  text: string
}

/** One client and the server it started. */
export class LspSession {
  readonly connection: MessageConnection
  /** The latest diagnostics published for each URI. */
  readonly published = new Map<string, PublishDiagnosticsParams>()
  /** Every `$/progress` value the server sent, in order. */
  readonly progress: Array<WorkDoneProgressBegin | WorkDoneProgressReport | WorkDoneProgressEnd> = []
  /** Every `window/showMessage` text. */
  readonly shown: string[] = []
  /** What the server wrote on standard error. */
  stderr = ''
  private readonly waiters: Array<() => void> = []
  private readonly child: ChildProcess

  /**
   * Start the server in a folder.
   *
   * @param cwd The server's working folder.
   */
  constructor(cwd: string) {
    this.child = spawn(process.execPath, [bin, '--stdio'], {cwd, stdio: ['pipe', 'pipe', 'pipe']})
    this.child.stderr?.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()))
    if (!this.child.stdout || !this.child.stdin) throw new Error('no pipes to the server')
    this.connection = createMessageConnection(new StreamMessageReader(this.child.stdout), new StreamMessageWriter(this.child.stdin))
    this.connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      this.published.set(params.uri, params)
      this.wake()
    })
    this.connection.onNotification('$/progress', (params: {value: WorkDoneProgressBegin | WorkDoneProgressReport | WorkDoneProgressEnd}) => {
      this.progress.push(params.value)
      this.wake()
    })
    this.connection.onNotification('window/showMessage', (params: {message: string}) => {
      this.shown.push(params.message)
      this.wake()
    })
    this.connection.onNotification('window/logMessage', () => undefined)
    this.connection.onRequest('window/workDoneProgress/create', () => null)
    this.connection.onRequest('client/registerCapability', () => null)
    this.connection.listen()
  }

  /**
   * Initialize the server as an editor with a workspace folder does.
   *
   * @param folder The workspace folder, or none.
   */
  async initialize(folder?: string): Promise<void> {
    const folderUri = folder === undefined ? null : pathToFileURL(folder).href
    const params: InitializeParams = {
      processId: process.pid,
      rootUri: folderUri,
      workspaceFolders: folderUri ? [{uri: folderUri, name: path.basename(folder ?? '')}] : null,
      capabilities: {
        window: {workDoneProgress: true},
        workspace: {didChangeWatchedFiles: {dynamicRegistration: true}, workspaceFolders: true},
        textDocument: {publishDiagnostics: {relatedInformation: true, versionSupport: true, codeDescriptionSupport: true}}
      }
    }
    await this.connection.sendRequest('initialize', params)
    await this.connection.sendNotification('initialized', {})
  }

  /**
   * Open a document.
   *
   * @param filePath Its path (it need not be saved).
   * @param text Its text.
   * @param languageId Its language.
   * @returns The document.
   */
  async open(filePath: string, text: string, languageId = 'markdown'): Promise<OpenDocument> {
    const document = {uri: pathToFileURL(filePath).href, languageId, version: 1, text}
    this.published.delete(document.uri)
    await this.connection.sendNotification('textDocument/didOpen', {textDocument: document})
    return document
  }

  /**
   * Replace a document's text, as an editor does on a change (whole text).
   *
   * @param document The document; its text and version are updated.
   * @param text The new text.
   */
  async change(document: OpenDocument, text: string): Promise<void> {
    document.version++
    document.text = text
    await this.connection.sendNotification('textDocument/didChange', {
      textDocument: {uri: document.uri, version: document.version},
      contentChanges: [{text}]
    })
  }

  /**
   * Apply edits to a document as an editor applies a code action's edit, and send the change.
   *
   * @param document The document.
   * @param edits The edits.
   */
  async applyEdits(document: OpenDocument, edits: TextEdit[]): Promise<void> {
    const before = TextDocument.create(document.uri, document.languageId, document.version, document.text)
    await this.change(document, TextDocument.applyEdits(before, edits))
  }

  /**
   * Wait for diagnostics of a document's current version that satisfy a test.
   *
   * @param document The document.
   * @param accept The test (default: any).
   * @returns The diagnostics.
   */
  async diagnostics(document: OpenDocument, accept: (diagnostics: Diagnostic[]) => boolean = () => true): Promise<Diagnostic[]> {
    return this.until(() => {
      const params = this.published.get(document.uri)
      return params && params.version === document.version && accept(params.diagnostics) ? params.diagnostics : undefined
    })
  }

  /**
   * Ask for the code actions of a range.
   *
   * @param document The document.
   * @param range The range.
   * @param only The kinds wanted.
   * @returns The actions.
   */
  async codeActions(document: OpenDocument, range: Range, only?: string[]): Promise<CodeAction[]> {
    const diagnostics = this.published.get(document.uri)?.diagnostics ?? []
    return this.connection.sendRequest('textDocument/codeAction', {textDocument: {uri: document.uri}, range, context: {diagnostics, only}})
  }

  /**
   * Wait until a condition holds, checking whenever the server says something.
   *
   * @param check Gives a value when the wait is over.
   * @returns The value.
   */
  async until<T>(check: () => T | undefined): Promise<T> {
    const deadline = Date.now() + patience
    for (;;) {
      const value = check()
      if (value !== undefined) return value
      if (this.child.exitCode !== null) throw new Error('the server exited: ' + this.stderr)
      if (Date.now() > deadline) throw new Error('the server did not answer in time')
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 200)
        this.waiters.push(() => {
          clearTimeout(timer)
          resolve()
        })
      })
    }
  }

  /**
   * Shut the server down as an editor does, and wait for it to exit.
   *
   * @returns Its exit code.
   */
  async close(): Promise<number | null> {
    const exited = new Promise<number | null>((resolve) => {
      if (this.child.exitCode !== null) resolve(this.child.exitCode)
      else this.child.once('exit', (code) => resolve(code))
    })
    await this.connection.sendRequest('shutdown')
    await this.connection.sendNotification('exit')
    const code = await exited
    this.connection.dispose()
    return code
  }

  /** Let waiting checks run again. */
  private wake(): void {
    for (const waiter of this.waiters.splice(0)) waiter()
  }
}

/**
 * The text of a range of a document.
 *
 * @param text The document's text.
 * @param range The range.
 * @returns The text it covers.
 */
export function textAt(text: string, range: Range): string {
  const document = TextDocument.create('file:///x', 'markdown', 1, text)
  return text.slice(document.offsetAt(range.start), document.offsetAt(range.end))
}
