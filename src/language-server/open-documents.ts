import {type Connection, MessageType, ShowMessageNotification, type TextDocuments} from 'vscode-languageserver'
import type {TextDocument} from 'vscode-languageserver-textdocument'
import {lintDocument, type LintedDocument} from './lint-document.js'
import type {Workspace} from './workspace.js'

/** How long to wait after a keystroke before linting: typing on, the writer gets one lint per pause. */
export const lintDelay = 150

/**
 * The documents the editor has open, and when each is linted: after a
 * pause in typing, one lint at a time per document (a change made during a
 * lint is linted once more after it), its diagnostics published only if
 * the text has not changed meanwhile.
 */
export class OpenDocuments {
  /** The last lint of each open document. */
  private readonly results = new Map<string, LintedDocument>()
  private readonly timers = new Map<string, NodeJS.Timeout>()
  private readonly running = new Set<string>()
  /** Documents changed while being linted: linted once more when that ends. */
  private readonly again = new Set<string>()
  /** Problems already shown as a message: a broken config is told once, not on every keystroke. */
  private readonly told = new Set<string>()
  private stopped = false

  /**
   * @param connection The connection diagnostics and messages go out on.
   * @param documents The editor's open documents, as the protocol keeps them.
   * @param workspace Where each document stands, and its folder's names index.
   */
  constructor(
    private readonly connection: Connection,
    readonly documents: TextDocuments<TextDocument>,
    private readonly workspace: Workspace
  ) {}

  /**
   * The last lint of a document, if it is of the text the editor has now.
   *
   * @param uri The document's URI.
   * @returns The lint, or `undefined` when there is none of this version.
   */
  current(uri: string): LintedDocument | undefined {
    const linted = this.results.get(uri)
    return linted && linted.document.version === this.documents.get(uri)?.version ? linted : undefined
  }

  /**
   * Lint a document now, unless it is being linted (then once more after),
   * and publish its diagnostics if it has not changed meanwhile.
   *
   * @param uri The document's URI.
   * @returns What was found, or `undefined` when the document is closed or being linted.
   */
  async lintNow(uri: string): Promise<LintedDocument | undefined> {
    const document = this.documents.get(uri)
    if (!document || this.stopped) return undefined
    if (this.running.has(uri)) {
      this.again.add(uri)
      return undefined
    }
    this.running.add(uri)
    try {
      const place = this.workspace.placeOf(document)
      const linted = await lintDocument(document, place, this.workspace.indexOf(place))
      const current = this.documents.get(uri)
      if (!current) return undefined
      this.results.set(uri, linted)
      if (current.version === document.version) {
        await this.connection.sendDiagnostics({uri, version: document.version, diagnostics: linted.diagnostics})
      } else this.again.add(uri)
      if (linted.problem && !this.told.has(linted.problem.toLine())) {
        this.told.add(linted.problem.toLine())
        showMessage(this.connection, MessageType.Warning, 'copydesk: ' + linted.problem.toLine())
      }
      return linted
    } catch (error) {
      // Nothing a document holds may bring the server down: the failure is logged, the editor goes on.
      this.connection.console.error(`copydesk: linting ${uri} failed: ${(error as Error)?.stack ?? String(error)}`)
      return undefined
    } finally {
      this.running.delete(uri)
      if (this.again.delete(uri)) this.schedule(uri, 0)
    }
  }

  /**
   * Lint a document after a pause.
   *
   * @param uri The document's URI.
   * @param delay Milliseconds to wait.
   */
  schedule(uri: string, delay = lintDelay): void {
    clearTimeout(this.timers.get(uri))
    this.timers.set(
      uri,
      setTimeout(() => {
        this.timers.delete(uri)
        void this.lintNow(uri)
      }, delay)
    )
  }

  /** Lint every open document again: a config, word list or another story changed. */
  relintAll(): void {
    for (const document of this.documents.all()) this.schedule(document.uri)
  }

  /**
   * Forget a document the editor closed, and clear its diagnostics.
   *
   * @param uri The document's URI.
   */
  close(uri: string): void {
    clearTimeout(this.timers.get(uri))
    this.timers.delete(uri)
    this.results.delete(uri)
    void this.connection.sendDiagnostics({uri, diagnostics: []})
  }

  /** Lint nothing more: the server is shutting down. */
  stop(): void {
    this.stopped = true
    for (const timer of this.timers.values()) clearTimeout(timer)
    this.timers.clear()
  }
}

/**
 * Show the writer a message. A notification, not `window.showWarningMessage`,
 * which is a request: a client without `window/showMessageRequest` answers
 * it with an error, and nothing is waited for here anyway.
 *
 * @param connection The connection.
 * @param type How serious it is.
 * @param message The text.
 */
export function showMessage(connection: Connection, type: MessageType, message: string): void {
  void connection.sendNotification(ShowMessageNotification.type, {type, message})
}
