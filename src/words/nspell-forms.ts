/**
 * The forms nspell looks a word up in, in its order: as written (trimmed,
 * curly apostrophes made straight, as the English dictionaries' ICONV
 * asks), an all-capital word in sentence case (`PARIS` → `Paris`), and in
 * lowercase (`Walk` → `walk`). copydesk's lookups and dictionary slices
 * use the same forms, so that they answer as nspell does.
 *
 * @param word Word.
 * @returns The forms, each once; none for an empty word.
 */
export function lookupForms(word: string): string[] {
  const normal = word.trim().replaceAll('\u2019', "'")
  if (!normal) return []
  const forms = [normal]
  // Each form once, compared by hand rather than through a Set and a
  // spread copy: every story's slice asks this of each of its words.
  if (normal.toUpperCase() === normal) {
    const sentenceCase = normal.charAt(0) + normal.slice(1).toLowerCase()
    if (sentenceCase !== normal) forms.push(sentenceCase)
  }
  const lower = normal.toLowerCase()
  if (!forms.includes(lower)) forms.push(lower)
  return forms
}
