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
  if (normal.toUpperCase() === normal) forms.push(normal.charAt(0) + normal.slice(1).toLowerCase())
  forms.push(normal.toLowerCase())
  return [...new Set(forms)]
}
