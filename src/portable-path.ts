import path from 'node:path'

/**
 * A path relative to a folder, with `/` on every system: as baselines,
 * names indexes and reports write paths, so that they read the same on
 * another machine.
 *
 * @param folder The folder.
 * @param target The path (absolute, or relative to the working directory).
 * @returns The relative path.
 */
export function portablePath(folder: string, target: string): string {
  return path.relative(folder, path.resolve(target)).split(path.sep).join('/')
}
