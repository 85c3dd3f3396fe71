import {type NameEntry, type RunSpelling, type StoryUse, total} from '../across/names-index.js'
import {fileCount, type NameReason, nameReason} from './name-facts.js'

/** The shape's version: raised when a field changes meaning or goes, not when one is added. */
export const namesJsonVersion = 1

/** The names report for tools (`copydesk names --format json`). */
export interface NamesJson {
  version: typeof namesJsonVersion
  /** Files the index covers. */
  fileCount: number
  /** Every name, the most inconsistent first. */
  names: NamesJsonName[]
}

/** One name: its spellings, the one to use first. */
export interface NamesJsonName {
  /** The spelling to use. */
  name: string
  /** Why that spelling. */
  reason: NameReason
  /** Uses in every spelling. */
  count: number
  /** Files that use it in any spelling. */
  fileCount: number
  /** Files that use a variant and not the spelling to use. */
  departing: number
  spellings: NamesJsonSpelling[]
}

/** One spelling of a name across the run. */
export interface NamesJsonSpelling {
  text: string
  /** Whether it is a spelling to change (every spelling but the first). */
  variant: boolean
  /** Uses in the run. */
  count: number
  /** Whether a dictionary or word list knows it. */
  known: boolean
  /** Whether a word list or the bundled names list has it. */
  listed: boolean
  /** Whether the newsroom's own word list has it. */
  own: boolean
  /** The files that use it, in run order. */
  files: NamesJsonFile[]
}

/** One file's use of a spelling. */
export interface NamesJsonFile {
  /** Relative to the working directory, with `/`. */
  path: string
  /** Uses in the file. */
  count: number
  /** The first use: 1-based, columns in UTF-16 code units, end exclusive, as in the findings report. */
  line: number
  column: number
  endLine: number
  endColumn: number
}

/**
 * Build the names report for tools: plain data in the index's order, with
 * a `version` so that a reader can tell the shape.
 *
 * @param entries The run's names (`buildNamesIndex`).
 * @param storyCount How many files the index covers.
 * @returns The report as data.
 */
export function namesJson(entries: readonly NameEntry[], storyCount: number): NamesJson {
  return {version: namesJsonVersion, fileCount: storyCount, names: entries.map(toJsonName)}
}

/**
 * One name as data.
 *
 * @param entry The name.
 * @returns Plain data.
 */
function toJsonName(entry: NameEntry): NamesJsonName {
  return {
    name: entry.canonical.text,
    reason: nameReason(entry),
    count: total(entry),
    fileCount: fileCount(entry),
    departing: entry.departing,
    spellings: entry.spellings.map((spelling) => toJsonSpelling(spelling, spelling !== entry.canonical))
  }
}

/**
 * One spelling as data.
 *
 * @param spelling The spelling.
 * @param variant Whether it is a variant.
 * @returns Plain data.
 */
function toJsonSpelling(spelling: RunSpelling, variant: boolean): NamesJsonSpelling {
  const {text, count, known, listed, own} = spelling
  return {text, variant, count, known, listed, own, files: spelling.stories.map(toJsonFile)}
}

/**
 * One file's use as data.
 *
 * @param use The use.
 * @returns Plain data.
 */
function toJsonFile({story, spelling}: StoryUse): NamesJsonFile {
  const {line, column, endLine, endColumn} = spelling.first
  return {path: story.path, count: spelling.count, line, column, endLine, endColumn}
}
