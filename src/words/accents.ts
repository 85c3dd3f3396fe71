/**
 * Write a word without accents and ligatures.
 *
 * @param word Word.
 * @returns `hijāb` → `hijab`, `encyclopædia` → `encyclopaedia`.
 */
export function withoutAccents(word: string): string {
  return word
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/æ/g, 'ae')
    .replace(/Æ/g, 'Ae')
    .replace(/œ/g, 'oe')
    .replace(/Œ/g, 'Oe')
}
