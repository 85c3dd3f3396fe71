/**
 * Candidate spellings near an unknown word: the known words within two
 * edits of it (insert, delete or substitute a letter, or swap two
 * neighbouring letters), nearest tier only.
 *
 * nspell's own `suggest()` builds every edit of the word and looks each one
 * up, which is slow with dictionary-en. Here the known words sit in a trie,
 * and one walk of it follows the edit-distance table down the path (as
 * states of `edit-automaton.ts`, one lookup per edge), leaving a branch as
 * soon as no word below it can be within two edits, so little of the trie
 * is visited (`npm run bench:suggestions` times both).
 * The trie is stored in flat typed arrays in one byte buffer, so that it
 * can be cached on disk and read back with no per-word parsing.
 *
 * Ranking is not this module's job: `rankSuggestions` in `suggestions.ts`
 * orders the candidates.
 */

import {isAscii} from '../ascii.js'
import {editAutomaton, nextState} from './edit-automaton.js'

/** Farthest a candidate can be from the word, in edits. */
const maxDistance = 2

/** `CDSI` (copydesk suggestion index), little-endian: tells an index from other bytes. */
const magic = 0x49_53_44_43

/** Bumped whenever the layout changes, so that a cached index of an older layout is rebuilt. */
const formatVersion = 1

/** Header: magic, version, node count, form count, form bytes; then the arrays, each 4-byte aligned. */
const headerWords = 5

/** A compiled set of known words, searched by `suggest`. */
export interface SuggestionIndex {
  /** Number of trie nodes; the root is node 0. */
  readonly nodeCount: number
  /** Children of node `n` are nodes `childStart[n]` to `childStart[n + 1] - 1` (breadth-first numbering). */
  readonly childStart: Uint32Array
  /** Code point on the edge into each node (lowercase, `’` as `'`); 0 for the root. */
  readonly label: Uint32Array
  /** Forms ending at node `n` are forms `formStart[n]` to `formStart[n + 1] - 1`. */
  readonly formStart: Uint32Array
  /** Byte offset of each form in `formBytes`, plus the end of the last. */
  readonly formOffset: Uint32Array
  /** Every form in its dictionary case, UTF-8, back to back. */
  readonly formBytes: Uint8Array
}

/**
 * The part of an nspell checker that `suggestibleForms` reads: nspell keeps
 * these on the instance, but its published types leave them out.
 */
export interface ExpandedChecker {
  /** Every known form, with the affix flags of its dictionary line (none for a derived form). */
  data: Record<string, readonly string[] | undefined>
  /** Flags the affix file names (`NOSUGGEST: '!'`). */
  flags: Record<string, unknown>
  /** Affix rules by flag. */
  rules: Record<string, AffixRule | undefined>
}

/** One affix rule of an nspell checker. */
interface AffixRule {
  type: string
  combineable: boolean
  entries: Array<{
    add: string
    remove?: string | RegExp
    match?: RegExp
    continuation?: string[]
  }>
}

/**
 * The forms of a dictionary that may be offered as suggestions: every form
 * nspell expanded, except those hunspell never suggests. Those are words
 * flagged NOSUGGEST (slurs and swear words in dictionary-en) and the forms
 * derived from them (`fucks` as well as `fuck`), forms that exist only inside
 * compounds (`1th`), and forms with digits (`2nd`), which nspell never
 * suggests either: its edits only insert letters.
 *
 * @param checker An nspell checker (`nspell(dictionaryEn)`).
 * @returns The forms, in the checker's order.
 */
export function suggestibleForms(checker: ExpandedChecker): string[] {
  const noSuggest = flagOf(checker, 'NOSUGGEST')
  const onlyInCompound = flagOf(checker, 'ONLYINCOMPOUND')
  const hidden = new Set<string>()
  // A for-in loop: nspell's data is a prototype-less object of some 120,000 keys, where `Object.entries` is slow.
  for (const form in checker.data) {
    const codes = checker.data[form]
    // Derived forms have no flags of their own: the common case.
    if (!codes || codes.length === 0) continue
    if (onlyInCompound !== undefined && codes.includes(onlyInCompound)) hidden.add(form)
    if (noSuggest !== undefined && codes.includes(noSuggest)) {
      hidden.add(form)
      for (const derived of derivedForms(form, codes, checker.rules)) hidden.add(derived)
    }
  }
  const forms: string[] = []
  for (const form in checker.data) {
    if (!hidden.has(form) && !/\d/.test(form)) forms.push(form)
  }
  return forms
}

/**
 * The flag an affix file gives a name to.
 *
 * @param checker The checker.
 * @param name Flag name (`NOSUGGEST`).
 * @returns The flag, if the affix file sets one.
 */
function flagOf(checker: ExpandedChecker, name: string): string | undefined {
  const value = checker.flags[name]
  return typeof value === 'string' ? value : undefined
}

/**
 * The forms an nspell checker derives from a dictionary word by its affix
 * flags, the way nspell's own `add` expands them (with continuation rules,
 * and a prefix combined with a suffix).
 *
 * @param word The word as the dictionary lists it.
 * @param codes Its flags.
 * @param rules The checker's affix rules.
 * @returns Derived forms (may repeat).
 */
function derivedForms(word: string, codes: readonly string[], rules: ExpandedChecker['rules']): string[] {
  const forms: string[] = []
  codes.forEach((code, position) => {
    const rule = rules[code]
    if (!rule) return
    for (const form of applyRule(word, rule, rules)) {
      forms.push(form)
      if (!rule.combineable) continue
      for (const other of codes.slice(position + 1)) {
        const combined = rules[other]
        if (combined?.combineable && combined.type !== rule.type) forms.push(...applyRule(form, combined, rules))
      }
    }
  })
  return forms
}

/**
 * Apply one affix rule (and its continuation rules) to a form.
 *
 * @param value Form.
 * @param rule Rule.
 * @param rules Every rule, for continuations.
 * @returns The forms it makes.
 */
function applyRule(value: string, rule: AffixRule, rules: ExpandedChecker['rules']): string[] {
  const forms: string[] = []
  for (const entry of rule.entries) {
    if (entry.match && !entry.match.test(value)) continue
    const stem = entry.remove ? value.replace(entry.remove, '') : value
    const form = rule.type === 'SFX' ? stem + entry.add : entry.add + stem
    forms.push(form)
    for (const code of entry.continuation ?? []) {
      const continuation = rules[code]
      if (continuation) forms.push(...applyRule(form, continuation, rules))
    }
  }
  return forms
}

/**
 * The key a word is matched by: lowercase, composed (`café` typed either
 * way is one word), with `’` as `'`.
 *
 * @param word Word.
 * @returns Its key.
 */
function keyOf(word: string): string {
  // The fast path: in ASCII no normalising or curly apostrophe can change a word.
  if (isAscii(word)) return word.toLowerCase()
  return word.normalize('NFC').toLowerCase().replace(/’/g, "'")
}

/**
 * The code points of a key: a letter beyond the Basic Multilingual Plane
 * is one letter, not two.
 *
 * @param key Key.
 * @returns Code points.
 */
function codePointsOf(key: string): number[] {
  const points: number[] = []
  for (const character of key) points.push(character.codePointAt(0)!)
  return points
}

/**
 * Compile words into an index that `loadSuggestionIndex` reads back: a trie
 * on the lowercase words, numbered breadth first so that each node's
 * children are one run of nodes, with each word kept in its own case at the
 * node where it ends.
 *
 * @param words Known words (dictionary forms, names, a newsroom's own words); empty ones are skipped.
 * @returns The index as bytes, to use at once or to cache.
 */
export function compileSuggestionIndex(words: readonly string[]): Uint8Array {
  // Forms per key: `AC`, `Ac` and `ac` are one key with three forms; most keys have one.
  const formsByKey = new Map<string, string | string[]>()
  for (const word of words) {
    if (word.length === 0) continue
    const form = isAscii(word) ? word : word.normalize('NFC')
    const key = keyOf(form)
    const known = formsByKey.get(key)
    if (known === undefined) formsByKey.set(key, form)
    else if (typeof known === 'string') {
      if (known !== form) formsByKey.set(key, [known, form])
    } else if (!known.includes(form)) known.push(form)
  }
  // Sorted by UTF-16 code units, keys with a common prefix of code points are still one run.
  const keys = [...formsByKey.keys()].sort()

  // Every key's code points, back to back: a key ends where the next starts.
  const keyStart = new Uint32Array(keys.length + 1)
  let pointCount = 0
  for (const key of keys) pointCount += key.length
  const points = new Uint32Array(pointCount)
  pointCount = 0
  keys.forEach((key, index) => {
    keyStart[index] = pointCount
    if (isAscii(key)) {
      for (let unit = 0; unit < key.length; unit++) points[pointCount++] = key.charCodeAt(unit)
    } else {
      for (const point of codePointsOf(key)) points[pointCount++] = point
    }
  })
  keyStart[keys.length] = pointCount

  // Every node is a run of sorted keys sharing its path: its children split the run by the next code point.
  // There are at most as many nodes as code points, plus the root.
  const most = pointCount + 1
  const runStart = new Uint32Array(most)
  const runEnd = new Uint32Array(most)
  const runDepth = new Uint32Array(most)
  const childStart = new Uint32Array(most + 1)
  const label = new Uint32Array(most)
  const formStart = new Uint32Array(most + 1)
  const forms: string[] = []
  runEnd[0] = keys.length
  let nodeCount = 1
  for (let node = 0; node < nodeCount; node++) {
    const end = runEnd[node]!
    const depth = runDepth[node]!
    childStart[node] = nodeCount
    formStart[node] = forms.length
    let index = runStart[node]!
    // A key that ends here sorts before the longer keys it is a prefix of.
    if (index < end && keyStart[index + 1]! - keyStart[index]! === depth) {
      const known = formsByKey.get(keys[index]!)!
      if (typeof known === 'string') forms.push(known)
      else forms.push(...known)
      index++
    }
    while (index < end) {
      const point = points[keyStart[index]! + depth]!
      let next = index + 1
      while (next < end && points[keyStart[next]! + depth] === point) next++
      runStart[nodeCount] = index
      runEnd[nodeCount] = next
      runDepth[nodeCount] = depth + 1
      label[nodeCount] = point
      nodeCount++
      index = next
    }
  }
  childStart[nodeCount] = nodeCount
  formStart[nodeCount] = forms.length

  const formOffset = new Uint32Array(forms.length + 1)
  const encoder = new TextEncoder()
  forms.forEach((form, index) => {
    formOffset[index + 1] = formOffset[index]! + (isAscii(form) ? form.length : encoder.encode(form).length)
  })
  const formBytesLength = formOffset[forms.length]!

  const words32 = headerWords + (nodeCount + 1) + nodeCount + (nodeCount + 1) + (forms.length + 1)
  const buffer = new ArrayBuffer(words32 * 4 + align4(formBytesLength))
  const header = new DataView(buffer)
  ;[magic, formatVersion, nodeCount, forms.length, formBytesLength].forEach((value, index) =>
    header.setUint32(index * 4, value, true)
  )
  let offset = headerWords * 4
  for (const values of [
    childStart.subarray(0, nodeCount + 1),
    label.subarray(0, nodeCount),
    formStart.subarray(0, nodeCount + 1),
    formOffset
  ]) {
    new Uint32Array(buffer, offset, values.length).set(values)
    offset += values.length * 4
  }
  encoder.encodeInto(forms.join(''), new Uint8Array(buffer, offset, formBytesLength))
  return new Uint8Array(buffer)
}

/**
 * Round a byte count up to a multiple of 4.
 *
 * @param bytes Count.
 * @returns Rounded count.
 */
function align4(bytes: number): number {
  return Math.ceil(bytes / 4) * 4
}

/** Whether this machine stores numbers little-endian, as the index does. */
const littleEndian = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1

/**
 * Read an index made by `compileSuggestionIndex`, as views over its bytes:
 * nothing is parsed or copied (unless the bytes do not start on a 4-byte
 * boundary, as a Buffer sliced from Node's pool may not).
 *
 * @param bytes The compiled index.
 * @returns The index.
 * @throws When the bytes are not an index of this version (rebuild the cache then).
 */
export function loadSuggestionIndex(bytes: Uint8Array): SuggestionIndex {
  if (!littleEndian) throw new Error('Cannot read a suggestion index on a big-endian machine')
  if (bytes.byteLength < headerWords * 4) throw new Error('Cannot read suggestion index: too short')
  if (bytes.byteOffset % 4 !== 0) bytes = bytes.slice()
  const header = new Uint32Array(bytes.buffer, bytes.byteOffset, headerWords)
  const [fileMagic, version, nodeCount = 0, formCount = 0, formBytesLength = 0] = header
  if (fileMagic !== magic || version !== formatVersion) {
    throw new Error('Cannot read suggestion index: not an index of format version ' + formatVersion)
  }
  const needed = (headerWords + 3 * nodeCount + 2 + formCount + 1) * 4 + formBytesLength
  if (bytes.byteLength < needed) throw new Error('Cannot read suggestion index: truncated')

  let offset = bytes.byteOffset + headerWords * 4
  const take = (length: number): Uint32Array => {
    const view = new Uint32Array(bytes.buffer, offset, length)
    offset += length * 4
    return view
  }
  const childStart = take(nodeCount + 1)
  const label = take(nodeCount)
  const formStart = take(nodeCount + 1)
  const formOffset = take(formCount + 1)
  const formBytes = new Uint8Array(bytes.buffer, offset, formBytesLength)
  return {nodeCount, childStart, label, formStart, formOffset, formBytes}
}

/**
 * Build an index straight from words, for a list too small to cache (a
 * newsroom's own few hundred words).
 *
 * @param words Known words.
 * @returns The index.
 */
export function suggestionIndexFromWords(words: readonly string[]): SuggestionIndex {
  return loadSuggestionIndex(compileSuggestionIndex(words))
}

/** A key found within reach of the word, with the forms of every index that has it. */
interface Match {
  distance: number
  forms: string[]
}

const decoder = new TextDecoder()

/**
 * Known words near a word, over several indexes at once (dictionary, names,
 * own words): all within one edit, or, only when there are none, all within
 * two, the nearest tier of all indexes together (as nspell does).
 *
 * Case is ignored in matching (`paris` finds `Paris`, with no edit at all),
 * and a candidate comes in its dictionary case, except that a lowercase word
 * follows a capitalised or all-capitals input (`Teh` → `The`, `TEH` → `THE`).
 * Apostrophes count as letters (`dont` → `don't`); a word typed with `’`
 * gets candidates with `’`. One candidate per lowercase spelling.
 *
 * @param indexes Indexes to search.
 * @param word The unknown word.
 * @param limit Most candidates to give; they are cut in distance order, so leave it out when they are to be ranked.
 * @param farthest Most edits to look (1 or 2): 1 skips the costly two-edit walk when only near words matter.
 * @returns Candidates, nearest first (alphabetical within a distance).
 */
export function suggest(
  indexes: readonly SuggestionIndex[],
  word: string,
  limit = Number.POSITIVE_INFINITY,
  farthest = maxDistance
): string[] {
  const input = word.trim().normalize('NFC')
  const query = codePointsOf(keyOf(input))
  if (query.length === 0 || limit <= 0) return []

  const pattern = casePattern(input)
  const curly = input.includes('’') && !input.includes("'")
  const candidates: Array<{text: string; distance: number; key: string}> = []
  // One edit first: most slips are one edit away, and that walk prunes far sooner than a two-edit one.
  for (const reach of farthest < maxDistance ? [1] : [1, maxDistance]) {
    const matches = new Map<string, Match>()
    for (const index of indexes) collect(index, query, reach, matches)
    for (const [key, {distance, forms}] of matches) {
      let text = pickForm(forms, pattern)
      if (curly) text = text.replace(/'/g, '’')
      // The word itself (`THE` is `the` in capitals) is not a suggestion.
      if (text !== input) candidates.push({text, distance, key})
    }
    if (candidates.length > 0) break
  }
  candidates.sort((a, b) => a.distance - b.distance || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
  return candidates.slice(0, limit).map((candidate) => candidate.text)
}

/**
 * Which letters of the query each letter equals, as bits for the automaton:
 * bit `reach + 1 + i` of a letter's mask is set when letter `i` of the
 * query is that letter, so that shifting by the depth lines a mask up with
 * the band (see `edit-automaton.ts`). Masks run over as many 32-bit words
 * as a long query needs.
 */
interface LetterMasks {
  /** 32-bit words per letter. */
  words: number
  /** The mask of ASCII letter `c` at `c * words`; of the other letters of the query from `128 * words` on. */
  masks: Int32Array
  /** Slot of each letter of the query beyond ASCII. */
  others: Map<number, number>
  /** A slot whose mask is empty: any letter the query lacks. */
  none: number
}

/**
 * The letter masks of a query.
 *
 * @param query The word's key, as code points.
 * @param reach Most edits.
 * @returns Masks.
 */
function letterMasks(query: readonly number[], reach: number): LetterMasks {
  const others = new Map<number, number>()
  for (const point of query) if (point >= 128 && !others.has(point)) others.set(point, 128 + others.size)
  const none = 128 + others.size
  // The window at the deepest row reaches bit `length + 3 * reach + 1`.
  const words = ((query.length + 3 * reach + 1) >>> 5) + 1
  const masks = new Int32Array((none + 1) * words)
  query.forEach((point, position) => {
    const slot = point < 128 ? point : others.get(point)!
    const bit = reach + 1 + position
    masks[slot * words + (bit >>> 5)]! |= 1 << (bit & 31)
  })
  return {words, masks, others, none}
}

/**
 * Walk one index for keys within `reach` edits of the query (optimal string
 * alignment distance), adding them to `matches`.
 *
 * @param index Index.
 * @param query The word's key.
 * @param reach Most edits.
 * @param matches Keys found so far, across indexes.
 */
function collect(index: SuggestionIndex, query: readonly number[], reach: number, matches: Map<string, Match>): void {
  const {childStart, label, formStart} = index
  const automaton = editAutomaton(reach)
  const {width, patternBits} = automaton
  const patternMask = (1 << patternBits) - 1
  const length = query.length
  const {words, masks, others, none} = letterMasks(query, reach)
  const path: number[] = []

  const visit = (node: number, depth: number, state: number): void => {
    // A path longer than the query plus the reach can never come back within reach.
    if (depth >= length + reach) return
    const childDepth = depth + 1
    // Cells past the query's end do not count (band cell `length - childDepth + reach` is its last column).
    const last = Math.min(width - 1, length - childDepth + reach)
    const word = depth >>> 5
    const bit = depth & 31
    const spans = bit + patternBits > 32
    for (let child = childStart[node]!; child < childStart[node + 1]!; child++) {
      const point = label[child]!
      const slot = (point < 128 ? point : (others.get(point) ?? none)) * words + word
      let pattern = masks[slot]! >>> bit
      if (spans) pattern |= masks[slot + 1]! << (32 - bit)
      pattern &= patternMask
      let next = automaton.next[(state << patternBits) | pattern]!
      if (next < 0) next = nextState(automaton, state, pattern)
      if (automaton.lowest[next * width + last]! > reach) continue
      path.push(point)
      if (last === length - childDepth + reach && formStart[child]! < formStart[child + 1]!) {
        const distance = automaton.cells[next * width + last]!
        if (distance <= reach) addForms(index, child, String.fromCodePoint(...path), distance, matches)
      }
      visit(child, childDepth, next)
      path.pop()
    }
  }
  visit(0, 0, automaton.start)
}

/**
 * Note the forms of a node found within reach.
 *
 * @param index Index.
 * @param node The node.
 * @param key Its key.
 * @param distance Edits from the query.
 * @param matches Keys found so far, across indexes.
 */
function addForms(index: SuggestionIndex, node: number, key: string, distance: number, matches: Map<string, Match>): void {
  const {formStart, formOffset, formBytes} = index
  let match = matches.get(key)
  if (!match) {
    match = {distance, forms: []}
    matches.set(key, match)
  }
  for (let form = formStart[node]!; form < formStart[node + 1]!; form++) {
    const text = decoder.decode(formBytes.subarray(formOffset[form]!, formOffset[form + 1]!))
    if (!match.forms.includes(text)) match.forms.push(text)
  }
}

/** How a word is capitalised, as far as candidates follow it. */
type CasePattern = 'lower' | 'capitalised' | 'capitals' | 'other'

/**
 * How a word is capitalised.
 *
 * @param word Word.
 * @returns `capitals` for `TEH`, `capitalised` for `Teh`, `lower` for `teh`, else `other` (`iPhnoe`).
 */
function casePattern(word: string): CasePattern {
  const lower = word.toLowerCase()
  if (word === lower) return 'lower'
  const upper = word.toUpperCase()
  if (word === upper && [...word].filter((character) => character.toLowerCase() !== character).length > 1) {
    return 'capitals'
  }
  const [first = ''] = word
  return first !== first.toLowerCase() && word.slice(first.length) === lower.slice(first.length) ? 'capitalised' : 'other'
}

/**
 * Choose the form to offer for one key: a lowercase form, in the input's
 * case (`the`, `The`, `THE`), when there is one, as the word that fits most
 * uses; else the form written the way the input is, else the first.
 *
 * @param forms Forms of the key, in index order.
 * @param pattern How the input is capitalised.
 * @returns The form.
 */
function pickForm(forms: readonly string[], pattern: CasePattern): string {
  const lowercase = forms.find((form) => form === form.toLowerCase())
  if (lowercase !== undefined) {
    if (pattern === 'capitals') return lowercase.toUpperCase()
    if (pattern === 'capitalised') {
      const [first = ''] = lowercase
      return first.toUpperCase() + lowercase.slice(first.length)
    }
    return lowercase
  }
  return forms.find((form) => casePattern(form) === pattern) ?? forms[0]!
}
