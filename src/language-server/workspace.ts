import path from 'node:path'
import {fileURLToPath} from 'node:url'
import type {Connection} from 'vscode-languageserver'
import type {TextDocument} from 'vscode-languageserver-textdocument'
import {formatByExtension} from '../files/formats.js'
import {documentPlace, type DocumentPlace} from './lint-document.js'
import {WorkspaceIndex} from './workspace-index.js'

/**
 * The editor's workspace folders, each with its names index: where an open
 * document stands (its path and the folder its run starts in), and keeping
 * the indexes up to date as files change on disk.
 */
export class Workspace {
  private indexes: WorkspaceIndex[] = []
  /** Where a document outside every folder (an untitled one) is placed: the first folder, else the server's. */
  private get fallback(): string {
    return this.indexes[0]?.root ?? process.cwd()
  }

  /**
   * @param connection The connection progress and failures are reported on.
   */
  constructor(private readonly connection: Connection) {}

  /**
   * Take the workspace folders the editor opened with.
   *
   * @param folderUris Their URIs; those not on disk (`file:`) are left out.
   */
  open(folderUris: readonly string[]): void {
    this.indexes = folderUris.filter((uri) => uri.startsWith('file:')).map((uri) => new WorkspaceIndex(fileURLToPath(uri)))
  }

  /**
   * Take folders the editor added to the workspace or removed from it while
   * the server runs (a folder added to a multi-root workspace): a removed
   * folder's index stops building and goes; an added one gets its own.
   *
   * @param addedUris URIs of the folders added; those not on disk, or already open, are left out.
   * @param removedUris URIs of the folders removed.
   * @returns The indexes of the folders added, to build.
   */
  changeFolders(addedUris: readonly string[], removedUris: readonly string[]): WorkspaceIndex[] {
    const removed = new Set(removedUris.filter((uri) => uri.startsWith('file:')).map((uri) => fileURLToPath(uri)))
    for (const index of this.indexes) if (removed.has(index.root)) index.stop()
    this.indexes = this.indexes.filter((index) => !removed.has(index.root))
    const added: WorkspaceIndex[] = []
    for (const uri of addedUris) {
      if (!uri.startsWith('file:')) continue
      const root = fileURLToPath(uri)
      if (this.indexes.some((index) => index.root === root)) continue
      const index = new WorkspaceIndex(root)
      this.indexes.push(index)
      added.push(index)
    }
    return added
  }

  /**
   * Where a document stands: its path, its folder, its format.
   *
   * @param document The document.
   * @returns Its place.
   */
  placeOf(document: TextDocument): DocumentPlace {
    return documentPlace(document, this.indexes, this.fallback)
  }

  /**
   * The names index of the folder a document stands in.
   *
   * @param place The document's place.
   * @returns The index, or `undefined` outside every folder.
   */
  indexOf(place: DocumentPlace): WorkspaceIndex | undefined {
    return this.indexes.find((index) => index.root === place.cwd)
  }

  /**
   * Build each folder's names index, with progress shown.
   *
   * @param whenBuilt Called each time an index is built whole: the open documents' findings across stories may change.
   * @param indexes The indexes to build: every folder's, by default.
   */
  async build(whenBuilt: () => void, indexes: readonly WorkspaceIndex[] = this.indexes): Promise<void> {
    for (const index of indexes) {
      const progress = await this.connection.window.createWorkDoneProgress()
      progress.begin('copydesk', 0, 'Indexing names in ' + index.root, false)
      let shown = -1
      try {
        const finished = await index.build(function (done, total) {
          const percentage = total === 0 ? 100 : Math.floor((done * 100) / total)
          if (percentage === shown) return
          shown = percentage
          progress.report(percentage, `${done} of ${total} stories`)
        })
        if (finished) whenBuilt()
      } catch (error) {
        this.connection.console.error(`copydesk: indexing ${index.root} failed: ${(error as Error)?.stack ?? String(error)}`)
      } finally {
        progress.done()
      }
    }
  }

  /**
   * Bring the indexes up to date after files changed on disk: a story's
   * names are read again (a story deleted leaves the index); any other file
   * (a config, a word list, a house style) may change every story's
   * findings, and asks for the indexes to be built again.
   *
   * @param uris The files that changed.
   * @returns Whether the indexes must be built again.
   */
  async changed(uris: readonly string[]): Promise<boolean> {
    let rebuild = false
    for (const uri of uris) {
      if (!uri.startsWith('file:')) continue
      const filePath = fileURLToPath(uri)
      const inside = this.indexes.filter((index) => index.contains(filePath))
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
          this.connection.console.error(`copydesk: reading ${filePath} failed: ${(error as Error)?.message ?? String(error)}`)
        }
      }
    }
    return rebuild
  }

  /** Stop every build: the server is shutting down. */
  stop(): void {
    for (const index of this.indexes) index.stop()
  }
}
