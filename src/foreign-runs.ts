import type {Sentence, Word} from 'nlcst'
import type {UnknownWord} from './spell-check.js'

/**
 * Words of another language come in runs: at least this many unknown
 * lowercase words within a window of this many words (`hay muchos abortos
 * pese a la amenaza`) are taken for a quotation in another language. English
 * slips do not cluster like that. Capitalised words are left out: a run of
 * names is still English.
 */
const foreignRun = {unknown: 3, window: 9}

/**
 * Find the unknown words that stand in a run of another language.
 *
 * @param unknown Unknown words of the story.
 * @returns The words (nodes) in such runs.
 */
export function foreignWords(unknown: readonly UnknownWord[]): Set<Word> {
  const unknownLowercase = new Set<Word>()
  const sentences = new Set<Sentence>()
  for (const {word, sentence, text} of unknown) {
    if (!sentence || text !== text.toLowerCase()) continue
    unknownLowercase.add(word)
    sentences.add(sentence)
  }
  const foreign = new Set<Word>()
  const reach = Math.floor(foreignRun.window / 2)
  for (const sentence of sentences) {
    const words = sentence.children.filter((child): child is Word => child.type === 'WordNode')
    words.forEach(function (word, index) {
      if (!unknownLowercase.has(word)) return
      const around = words.slice(Math.max(0, index - reach), index + reach + 1)
      if (around.filter((other) => unknownLowercase.has(other)).length >= foreignRun.unknown) foreign.add(word)
    })
  }
  return foreign
}
