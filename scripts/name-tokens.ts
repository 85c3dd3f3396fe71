/**
 * Turn names as data packages write them into the tokens copydesk's names
 * lists hold: the words the spell check sees.
 */
import {withoutAccents} from '../src/words/accents.js'

/**
 * Letters that Unicode does not decompose but news copy writes plainly:
 * "Łódź" is "Lodz", "Tromsø" is "Tromso", "Đà Nẵng" is "Da Nang".
 */
const plainLetters: Record<string, string> = {
  ł: 'l', Ł: 'L', ø: 'o', Ø: 'O', đ: 'd', Đ: 'D', ð: 'd', Ð: 'D', ı: 'i', ß: 'ss', þ: 'th', Þ: 'Th', ħ: 'h', Ħ: 'H'
}

/**
 * Write a name without diacritics, the way much of the English press does
 * ("São Paulo" → "Sao Paulo", "Zürich" → "Zurich", "Łódź" → "Lodz").
 *
 * @param token Name token.
 * @returns The plain spelling.
 */
export function plainSpelling(token: string): string {
  return withoutAccents(token).replace(/[łŁøØđĐðÐıßþÞħĦ]/g, (letter) => plainLetters[letter] ?? letter)
}

/**
 * Whether a token may go in a names list: a capital first, at least one
 * lowercase letter (`UN`, `USA` are acronyms, which copydesk skips), Latin
 * script only, at least three letters, no digits.
 *
 * @param token Candidate.
 * @returns Whether to keep it.
 */
export function isNameToken(token: string): boolean {
  if (!/^\p{Lu}/u.test(token) || !/\p{Ll}/u.test(token)) return false
  // "O'Brien" keeps its apostrophe: the parser reads it as one word.
  if (!/^[\p{Script=Latin}\p{M}']+$/u.test(token) || token.endsWith("'")) return false
  return (token.match(/\p{L}/gu) ?? []).length >= 3
}

/**
 * Split a name into the tokens the spell check sees, keeping those that may
 * be listed, each also without diacritics: "Rio de Janeiro" → `Rio`,
 * `Janeiro`; "Baden-Württemberg" → `Baden`, `Württemberg`, `Wurttemberg`;
 * "Côte d'Ivoire" → `Côte`, `Cote`, `Ivoire`.
 *
 * @param name A name as the data has it.
 * @returns Its tokens.
 */
export function nameTokens(name: string): string[] {
  const tokens: string[] = []
  for (let piece of name.normalize('NFC').replace(/\u2019/g, "'").split(/[\s\-\u2010\u2011\u2013\u2014/(),.;:"\u201c\u201d]+/)) {
    // "d'Ivoire", "dell'Aquila": the elided particle is not part of the name.
    piece = piece.replace(/^\p{Ll}{1,4}'/u, '')
    // faker writes "Mccullough" and "Mcdermott"; the names are "McCullough" and
    // "McDermott". "Mchunu" is Zulu, not Gaelic: leave "Mch" alone.
    piece = piece.replace(/^Mc([a-gi-z])/u, (_, letter: string) => 'Mc' + letter.toUpperCase())
    for (const token of new Set([piece, plainSpelling(piece)])) {
      if (isNameToken(token)) tokens.push(token)
    }
  }
  return tokens
}
