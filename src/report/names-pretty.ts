import type {NameEntry, RunSpelling, StoryUse} from '../across/names-index.js'
import {counted, nameReason, reasonWords} from './name-facts.js'
import {maxOf} from '../push-all.js'
import {printable} from './printable.js'

/**
 * Files listed for a name's spelling to use before the rest are counted:
 * in an archive it may be in hundreds, and the files to look at are those
 * of the variants, which are always listed in full.
 */
const canonicalFilesShown = 10

/**
 * Files listed on the one line of a name spelled one way: the first only,
 * since an archive's paths are long and the line should fit a terminal;
 * the JSON and HTML reports list them all.
 */
const consistentFilesShown = 1

/**
 * Build the names report for a terminal: first the names spelled more than
 * one way, most inconsistent first (the index's order), one block each
 * with every spelling, its uses and files and the first place in each;
 * then the names spelled one way, most used first, one line each with the
 * first file that uses it; then a summary line.
 *
 * @param entries The run's names (`buildNamesIndex`), in its order.
 * @param storyCount How many files the index covers.
 * @returns The report, without a final line break.
 */
export function namesPretty(entries: readonly NameEntry[], storyCount: number): string {
  const varied = entries.filter((entry) => entry.variants.length > 0)
  const consistent = entries.filter((entry) => entry.variants.length === 0)
  const parts: string[] = []
  if (varied.length > 0) parts.push('Names with variants, most inconsistent first:', ...varied.map(variedBlock))
  if (consistent.length > 0) parts.push('Names spelled one way, most used first:', consistentLines(consistent))
  parts.push(`${counted(entries.length, 'name')} in ${counted(storyCount, 'file')}, ${varied.length} with variants`)
  return parts.join('\n\n')
}

/**
 * One name spelled more than one way: a heading with the spelling to use
 * and why, then each spelling with its files, each file's uses first so
 * that the counts line up however long the paths are.
 *
 * @param entry The name.
 * @returns Lines of the block.
 */
function variedBlock(entry: NameEntry): string {
  const departing = `${counted(entry.departing, 'file')} ${entry.departing === 1 ? 'departs' : 'depart'}`
  const lines = [`${entry.canonical.text} (${reasonWords[nameReason(entry)]}): ${departing}`]
  const width = maxOf(entry.spellings.flatMap((spelling) => spelling.stories.map((use) => counted(use.spelling.count, 'use').length)))
  for (const spelling of entry.spellings) {
    const isVariant = spelling !== entry.canonical
    lines.push(`  ${spelling.text}${isVariant ? ' (variant)' : ''}: ${usesInFiles(spelling)}`)
    const shown = isVariant ? spelling.stories : spelling.stories.slice(0, canonicalFilesShown)
    for (const use of shown) lines.push(`    ${counted(use.spelling.count, 'use').padEnd(width)}  ${placeOf(use)}`)
    const more = spelling.stories.length - shown.length
    if (more > 0) lines.push(`    … ${counted(more, 'more file')}`)
  }
  return lines.join('\n')
}

/**
 * Names spelled one way, one aligned line each: the name, its uses and
 * files, and the first file.
 *
 * @param entries The names.
 * @returns The lines.
 */
function consistentLines(entries: readonly NameEntry[]): string {
  const rows = entries.map((entry) => {
    const {canonical} = entry
    const places = canonical.stories.slice(0, consistentFilesShown).map(placeOf).join(', ')
    const more = canonical.stories.length - consistentFilesShown
    return [canonical.text, usesInFiles(canonical), more > 0 ? `${places} and ${more} more` : places] as const
  })
  const nameWidth = maxOf(rows.map(([name]) => name.length))
  const countWidth = maxOf(rows.map(([, count]) => count.length))
  return rows.map(([name, count, places]) => `${name.padEnd(nameWidth)}  ${count.padEnd(countWidth)}  ${places}`).join('\n')
}

/**
 * A spelling's uses and files: `3 uses in 2 files`.
 *
 * @param spelling The spelling.
 * @returns The words.
 */
function usesInFiles(spelling: RunSpelling): string {
  return `${counted(spelling.count, 'use')} in ${counted(spelling.stories.length, 'file')}`
}

/**
 * Where a file first uses a spelling, as editors and terminals link it:
 * `news/a.md:3:7`.
 *
 * @param use The file's use.
 * @returns The place.
 */
function placeOf(use: StoryUse): string {
  return `${printable(use.story.path)}:${use.spelling.first.line}:${use.spelling.first.column}`
}
