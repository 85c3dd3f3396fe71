import type {Root} from 'nlcst'
import type {VFile} from 'vfile'
import type {Dialect} from '../words/dictionary.js'
import type {VocabularyName} from '../words/vocabularies.js'
import type {NameUse} from '../words/name-variants.js'
import {nameUses} from './name-uses.js'
import {type SpellCheck, spellCheck} from './spell-check.js'

/**
 * One story as the rules see it: its text, its tree and what analysing it
 * once found. Every rule reads the same Story and none changes it, so the
 * rules can run in any order and each can be tested alone on a Story built
 * from a few lines.
 */
export interface Story {
  /** The story's file: its path, its text (`value`) and what parsing noted (`data`). Rules report elsewhere. */
  readonly file: VFile
  /** The prose of the story, parsed into one positioned English tree. */
  readonly tree: Root
  /** The spell check: the words neither the dictionary nor the word lists know, and the parts of every word. */
  readonly spelling: SpellCheck
  /** The uses of name-like words, in document order (see `nameUses`). */
  readonly names: readonly NameUse[]
}

/** What the analysis of a story depends on: the config's words and dialect. */
export interface AnalyseOptions {
  /** Accepted words (config `words`, word lists and the bundled names). */
  words: readonly string[]
  /** The dialect to spell by; American when not set. */
  dialect?: Dialect | undefined
  /** Vocabularies of a trade whose words are accepted; none when not set. */
  vocabularies?: readonly VocabularyName[] | undefined
}

/**
 * Analyse a parsed story once for every rule: spell-check it (retext-spell
 * with the dialect's dictionary and the accepted words) and find its names.
 *
 * @param file The story's file.
 * @param tree Its parsed tree.
 * @param options Words and dialect.
 * @returns The Story.
 */
export async function analyseStory(file: VFile, tree: Root, options: AnalyseOptions): Promise<Story> {
  const spelling = await spellCheck(tree, file, options.words, options.dialect, options.vocabularies)
  return {file, tree, spelling, names: nameUses(tree, spelling)}
}
