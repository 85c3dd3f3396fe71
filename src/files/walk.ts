import fs from 'node:fs/promises'
import path from 'node:path'

/**
 * What a walk looks for: how an entry's state follows from its folder's
 * (a glob's match states, a path below the root), which folders to go
 * into, and which files to keep.
 */
export interface WalkVisitor<State> {
  /**
   * The state of an entry of a folder.
   *
   * @param state The folder's state.
   * @param name The entry's name.
   * @returns Its state, or `undefined` to pass it by (a glob no name below can match).
   */
  entry(state: State, name: string): State | undefined
  /**
   * Whether to go into a folder, and with which state.
   *
   * @param state The folder's state as an entry.
   * @param name Its name.
   * @param absolute Its absolute path.
   * @returns The state inside it, or `undefined` to leave it out.
   */
  enter(state: State, name: string, absolute: string): State | undefined
  /**
   * Whether to keep a file.
   *
   * @param state Its state.
   * @param name Its name.
   * @param absolute Its absolute path.
   * @returns Whether it is one of the walk's finds.
   */
  keep(state: State, name: string, absolute: string): boolean
}

/**
 * Walk a folder tree: copydesk's one walker, for folders given on the
 * command line and for globs alike. Entries are taken in code-unit order
 * of their names. A folder is gone into only when it is one: a symbolic
 * link is never followed into a folder (it could lead anywhere on disk, or
 * back up the tree). A file is kept only when it is a regular file, or a
 * link to one: a FIFO or a device would never finish reading.
 *
 * @param root Absolute folder to start from.
 * @param start The root's state.
 * @param visitor What to look for.
 * @returns The absolute paths of the files kept, in walk order.
 */
export async function walkTree<State>(root: string, start: State, visitor: WalkVisitor<State>): Promise<string[]> {
  const found: string[] = []
  await walkFolder(root, start, visitor, found)
  return found
}

/**
 * Walk one folder.
 *
 * @param folder Absolute folder.
 * @param state Its state.
 * @param visitor What to look for.
 * @param found Files kept, added to.
 */
async function walkFolder<State>(folder: string, state: State, visitor: WalkVisitor<State>, found: string[]): Promise<void> {
  const entries = await fs.readdir(folder, {withFileTypes: true}).catch(() => [])
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  for (const entry of entries) {
    const entryState = visitor.entry(state, entry.name)
    if (entryState === undefined) continue
    const full = path.join(folder, entry.name)
    if (entry.isDirectory()) {
      const inside = visitor.enter(entryState, entry.name, full)
      if (inside !== undefined) await walkFolder(full, inside, visitor, found)
      continue
    }
    let isFile = entry.isFile()
    if (entry.isSymbolicLink()) isFile = (await fs.stat(full).catch(() => undefined))?.isFile() ?? false
    if (isFile && visitor.keep(entryState, entry.name, full)) found.push(full)
  }
}
