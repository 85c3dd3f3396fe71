import type {NameEntry} from '../across/names-index.js'

/**
 * Why a name's spelling is the one to use, as the names reports say it:
 * the newsroom's word list, the dictionary, the spelling used in most
 * files, the one used most, or the one met first.
 * These are the ids of the JSON report, a contract: they do not follow
 * renames inside copydesk.
 */
export type NameReason = 'word-list' | 'dictionary' | 'most-files' | 'most-uses' | 'first-use'

/** Each reason in words, to follow the spelling: `Kowalczyk (used in most files)`. */
export const reasonWords: Readonly<Record<NameReason, string>> = {
  'word-list': 'in the word list',
  dictionary: 'in the dictionary',
  'most-files': 'used in most files',
  'most-uses': 'used most',
  'first-use': 'used first'
}

/**
 * Why the index chose a name's spelling.
 *
 * @param entry The name.
 * @returns The reason's id.
 */
export function nameReason(entry: NameEntry): NameReason {
  switch (entry.reason) {
    case 'word list':
      return 'word-list'
    case 'dictionary':
      return 'dictionary'
    case 'stories':
      return 'most-files'
    case 'uses':
      return 'most-uses'
    case 'first use':
      return 'first-use'
  }
}

/**
 * How many files use a name, in any spelling: a story that uses two
 * spellings counts once.
 *
 * @param entry The name.
 * @returns The count.
 */
export function fileCount(entry: NameEntry): number {
  return new Set(entry.spellings.flatMap((spelling) => spelling.stories.map((use) => use.story))).size
}

/**
 * A count with its noun, singular for one: `1 use`, `3 files`.
 *
 * @param count The count.
 * @param noun The noun, singular; the plural adds `s`.
 * @returns The words.
 */
export function counted(count: number, noun: string): string {
  return `${count} ${count === 1 ? noun : noun + 's'}`
}
