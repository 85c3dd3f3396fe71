import path from 'node:path'
import {z} from 'zod'
import {replaceFile} from '../files/atomic-write.js'
import {rootForFile} from '../files/repository-root.js'
import {CopydeskError} from '../errors.js'
import {readJsonFile} from '../files/json-file.js'
import type {StoryNames} from './names-index.js'
import {portablePath} from '../portable-path.js'

/**
 * A names index on disk (`--names-out`, `--names-in`): the stories' parts
 * of the index of one run, so that the runs of a split archive (one CI job
 * per folder) can be merged by another. Paths are relative to the file's
 * folder, with `/`, as in a baseline: the file can be moved with the
 * stories, and read on another machine.
 */
const count = z.number().int().nonnegative()
const placeSchema = z.strictObject({
  line: count,
  column: count,
  endLine: count,
  endColumn: count,
  offset: count,
  endOffset: count
})
const namesFileSchema = z.strictObject({
  copydesk: z.literal('names'),
  version: z.literal(1),
  stories: z.array(
    z.strictObject({
      path: z.string().min(1),
      severity: z.enum(['error', 'warning', 'info']).optional(),
      distinct: z.array(z.array(z.string())),
      spellings: z.array(
        z.strictObject({
          text: z.string().min(1),
          count: count,
          first: placeSchema,
          known: z.boolean(),
          listed: z.boolean(),
          dictionary: z.boolean(),
          own: z.boolean(),
          neighbours: z.array(z.string()).optional(),
          open: z.array(placeSchema).optional()
        })
      )
    })
  )
})

/** A names index as written. */
type NamesFile = z.infer<typeof namesFileSchema>

/**
 * Write the stories' parts of a run's names index, replacing the file.
 * One story a line, sorted by path: an index written again differs from the
 * old one only where the stories do.
 *
 * @param stories The run's parts, paths relative to `cwd`.
 * @param filePath Where to write (absolute).
 * @param cwd The run's working directory.
 */
export async function writeNamesFile(stories: readonly StoryNames[], filePath: string, cwd: string): Promise<void> {
  const folder = path.dirname(filePath)
  const moved = stories
    .map((story) => ({...story, path: portablePath(folder, path.resolve(cwd, story.path))}))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
  const head: Omit<NamesFile, 'stories'> = {copydesk: 'names', version: 1}
  const lines = moved.map((story) => JSON.stringify(story))
  const text = JSON.stringify(head).slice(0, -1) + ',"stories":[' + (lines.length > 0 ? '\n' + lines.join(',\n') + '\n' : '') + ']}\n'
  await replaceFile(filePath, text, rootForFile(filePath, cwd))
}

/**
 * Read a names index, its paths made relative to the working directory.
 *
 * @param filePath Path of the file (absolute).
 * @param shown The path as the user gave it, for messages.
 * @param cwd The run's working directory.
 * @returns The stories' parts.
 * @throws {CopydeskError} When the file is missing, unreadable, not JSON or not a names index.
 */
export function readNamesFile(filePath: string, shown: string, cwd: string): StoryNames[] {
  const parsed = namesFileSchema.safeParse(readJsonFile(filePath, shown, 'names index'))
  if (!parsed.success) {
    throw new CopydeskError('not a copydesk names index (write one with `--names-out`)', {file: shown})
  }
  const folder = path.dirname(filePath)
  return parsed.data.stories.map((story) => ({...story, path: portablePath(cwd, path.resolve(folder, story.path))}))
}
