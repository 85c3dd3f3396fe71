import {diffWordsWithSpace, parsePatch} from 'diff'

/**
 * Read the unified diff that `copydesk --fix-dry-run` prints back into the
 * fixes it stands for (`story.md:12 Jiangshu → Jiangsu`), so that each can
 * be judged by hand.
 */

/** One change a fix makes. */
export interface Fix {
  /** The file, as the diff names it (without `a/` or `b/`). */
  file: string
  /** 1-based line. */
  line: number
  before: string
  after: string
}

/**
 * List the changes of a unified diff, word by word: a fix rewrites words
 * inside a line and never adds or removes lines, so each removed line is
 * paired with the added line in the same place.
 *
 * @param patch The diff.
 * @returns Changes in diff order.
 * @throws {Error} When a hunk removes and adds different numbers of lines: that is no fix of words.
 */
export function fixesInDiff(patch: string): Fix[] {
  if (patch.trim() === '') return []
  const fixes: Fix[] = []
  for (const file of parsePatch(patch)) {
    const name = (file.newFileName ?? file.oldFileName ?? '').replace(/^[ab]\//, '')
    for (const hunk of file.hunks) {
      let line = hunk.oldStart
      let removed: Array<{line: number; text: string}> = []
      let added: string[] = []
      const flush = (): void => {
        if (removed.length !== added.length) {
          throw new Error(`${name}:${removed[0]?.line ?? line}: the fix changes the number of lines`)
        }
        removed.forEach((old, index) => fixes.push(...wordChanges(name, old.line, old.text, added[index] ?? '')))
        removed = []
        added = []
      }
      for (const text of hunk.lines) {
        if (text.startsWith('-')) removed.push({line: line++, text: text.slice(1)})
        else if (text.startsWith('+')) added.push(text.slice(1))
        else if (!text.startsWith('\\')) {
          flush()
          line++
        }
      }
      flush()
    }
  }
  return fixes
}

/**
 * Find the words a line's fix changed.
 *
 * @param file File.
 * @param line Line number.
 * @param before The line before.
 * @param after The line after.
 * @returns One change per run of changed words.
 */
function wordChanges(file: string, line: number, before: string, after: string): Fix[] {
  const changes: Fix[] = []
  let current: Fix | undefined
  for (const part of diffWordsWithSpace(before, after)) {
    if (!part.added && !part.removed) {
      current = undefined
      continue
    }
    if (!current) {
      current = {file, line, before: '', after: ''}
      changes.push(current)
    }
    if (part.removed) current.before += part.value
    else current.after += part.value
  }
  return changes.map(trimMarks)
}

/**
 * Take off the marks a change shares at both ends: the word differ counts
 * `_` as part of a word, so an emphasised name comes out as `_Clyme_` →
 * `_Lyme_`, where the fix changed `Clyme` alone.
 *
 * @param fix A change.
 * @returns It, without shared leading and trailing marks.
 */
function trimMarks(fix: Fix): Fix {
  let {before, after} = fix
  while (before.length > 1 && after.length > 1 && before[0] === after[0] && !/[\p{L}\p{N}]/u.test(before[0] ?? '')) {
    before = before.slice(1)
    after = after.slice(1)
  }
  while (before.length > 1 && after.length > 1 && before.at(-1) === after.at(-1) && !/[\p{L}\p{N}]/u.test(before.at(-1) ?? '')) {
    before = before.slice(0, -1)
    after = after.slice(0, -1)
  }
  return {...fix, before, after}
}
