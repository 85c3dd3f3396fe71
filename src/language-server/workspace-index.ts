import path from 'node:path'
import {setImmediate as nextTurn} from 'node:timers/promises'
import type {StoryNames} from '../across/names-index.js'
import {CopydeskError} from '../errors.js'
import {discoverFiles} from '../files/discover.js'
import {relativeInside} from '../files/repository-root.js'
import {readInputFile} from '../files/read-input.js'
import {threadState} from '../pipeline.js'
import {portablePath} from '../portable-path.js'

/** Told how far a build of the index has got. */
export type IndexProgress = (done: number, total: number) => void

/**
 * The names index of one workspace folder: each story's part of it (its
 * names, as `names-across-files` notes them), by path, read from the saved
 * stories as `copydesk` run in the folder would lint them (the same
 * discovery, ignore files and configs). An open document's findings
 * across stories weigh its live text against the rest (see `lint-document.ts`).
 *
 * The index is built in the background, one story at a time, letting the
 * server answer between stories: opening a story never waits for it. A
 * newer build (a config changed) makes an older one stop.
 */
export class WorkspaceIndex {
  /** Each story's names, by its path in the run (relative to `root`, with `/`). */
  private readonly stories = new Map<string, StoryNames>()
  /** Counts builds, so that a build started later stops the one before. */
  private generation = 0
  /** Whether a build has finished: until the first one, findings across stories are left out; during a later one, the last build's stories stand. */
  private complete = false

  /**
   * @param root Absolute path of the workspace folder: where the run's paths start.
   */
  constructor(readonly root: string) {}

  /** Whether the index holds the whole workspace (as of its last build). */
  get ready(): boolean {
    return this.complete
  }

  /**
   * Every story's names, in path order: the run the open documents are weighed against.
   *
   * @returns The stories.
   */
  allStories(): StoryNames[] {
    return [...this.stories.values()]
  }

  /**
   * Whether a file is one the index holds or would hold: inside the folder.
   *
   * @param filePath Absolute path.
   * @returns Whether it is inside.
   */
  contains(filePath: string): boolean {
    return Boolean(relativeInside(this.root, filePath))
  }

  /**
   * Build the index afresh: find the folder's stories and lint each for
   * its names, yielding to the server's other work between stories.
   *
   * @param onProgress Told how many stories are done out of how many.
   * @returns Whether this build finished (not stopped by a newer one).
   */
  async build(onProgress?: IndexProgress): Promise<boolean> {
    const generation = ++this.generation
    const discovery = await discoverFiles(['.'], this.root)
    const state = threadState({cwd: this.root})
    const found = new Map<string, StoryNames>()
    onProgress?.(0, discovery.files.length)
    for (const [index, filePath] of discovery.files.entries()) {
      // Between stories, let messages from the editor through (a story opened, a change).
      await nextTurn()
      if (generation !== this.generation) return false
      const names = await storyNames(filePath, this.root, state)
      if (names) found.set(names.path, names)
      onProgress?.(index + 1, discovery.files.length)
    }
    if (generation !== this.generation) return false
    this.stories.clear()
    for (const [key, names] of found) this.stories.set(key, names)
    this.complete = true
    return true
  }

  /** Stop a build under way (the server shuts down). */
  stop(): void {
    this.generation++
  }

  /**
   * Read one story again from disk (saved, changed or deleted) and put its
   * names in place of those it had.
   *
   * @param filePath Absolute path of the story.
   */
  async update(filePath: string): Promise<void> {
    const relative = path.relative(this.root, filePath)
    const state = threadState({cwd: this.root})
    const names = await storyNames(relative, this.root, state)
    // Keyed as `names-across-files` names a story (`runPath`).
    this.stories.delete(portablePath(this.root, filePath))
    if (names) this.stories.set(names.path, names)
  }
}

/**
 * Lint one saved story for its part of the names index.
 *
 * @param filePath Path relative to the workspace folder.
 * @param root The workspace folder.
 * @param state The configs and pipeline of this build.
 * @returns Its names, or `undefined` for a story that is gone, unreadable, ignored by its config, or whose config is broken.
 */
async function storyNames(filePath: string, root: string, state: ReturnType<typeof threadState>): Promise<StoryNames | undefined> {
  try {
    const config = state.configs.forStory(filePath)
    if (state.configs.ignores(config, filePath)) return undefined
    const file = readInputFile(filePath, root)
    const outcome = await state.pipeline.lintStory(file, config)
    return outcome.reported ? file.data.copydeskNames : undefined
  } catch (error) {
    // A story that cannot be read or configured is not part of the run, as in the CLI.
    if (error instanceof CopydeskError) return undefined
    throw error
  }
}
