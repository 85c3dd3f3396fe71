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
 * The trie is stored as bytes (see `SuggestionIndex`), so that it can be
 * cached on disk and read back with no per-word parsing; it is small, as a
 * process pays for every megabyte it reads, hashes and first touches.
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
const formatVersion = 3

/**
 * Header, in 32-bit words: magic, version, node count, letter count, bytes
 * per letter number, bytes per child position in the root's block, trie
 * bytes, nodes with forms of their own, those forms, their bytes. Then the
 * letters (code points), the positions of the nodes with forms of their
 * own, where each one's forms start, where each form's bytes start, and
 * the bytes; then the trie.
 */
const headerWords = 10

/**
 * A node's flags, one byte in its parent's block: bit 0 says whether it has
 * children, bits 1 to 3 are its forms (`FormsAre`), bits 4 and 5 the bytes
 * per child position in its own block, less 1.
 */
const hasChildren = 1
const formsShift = 1
const positionShift = 4

/**
 * What forms a node has. Nearly every key has one form, the key itself or
 * the key capitalised (`paris` is `Paris`) or in capitals: those forms are
 * made from the key, and only the rest are stored.
 */
const enum FormsAre {
  None = 0,
  Key = 1,
  Capitalised = 2,
  Capitals = 3,
  Stored = 4
}

/** A child count of this or more is written in the 3 bytes after it. */
const manyChildren = 0xff

/**
 * A compiled set of known words, searched by `suggest`: a trie on the
 * lowercase words, as bytes, one block per node with children, depth
 * first. A block holds the number of children, their letter numbers (one
 * byte each in an index of up to 256 letters), their flags, and where each
 * child's own block starts, counted from the end of this block; the first
 * child's starts there, and the rest follow each other's subtrees. The
 * walk reads a block's letters as one run of bytes, and finds the one
 * letter it wants without reading the rest of the children.
 */
export interface SuggestionIndex {
  /** Number of trie nodes, the root included. */
  readonly nodeCount: number
  /** Code point of each letter number (lowercase, `’` as `'`), the most used letters first. */
  readonly letters: Uint32Array
  /** Letter number of each code point. */
  readonly letterOf: ReadonlyMap<number, number>
  /** Bytes per letter number in the trie: 1, 2 or 3. */
  readonly letterBytes: number
  /** Bytes per child position in the root's block. */
  readonly rootPositionBytes: number
  /** The blocks, the root's first; empty when there are no words. */
  readonly trie: Uint8Array
  /** Trie positions of the flags of the nodes whose forms are stored, ascending. */
  readonly storedAt: Uint32Array
  /** Forms of the `i`th of those nodes are stored forms `storedStart[i]` to `storedStart[i + 1] - 1`. */
  readonly storedStart: Uint32Array
  /** Byte offset of each stored form in `formBytes`, plus the end of the last. */
  readonly formOffset: Uint32Array
  /** The stored forms in their dictionary case, UTF-8, back to back. */
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
 * on the lowercase words, with each word kept in its own case at the node
 * where it ends.
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
  const uses = new Map<number, number>()
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
  // Numbered breadth first, each node's children are one run of numbers. There are at most as many nodes as
  // code points, plus the root.
  const most = pointCount + 1
  const runStart = new Uint32Array(most)
  const runEnd = new Uint32Array(most)
  const runDepth = new Uint32Array(most)
  const childStart = new Uint32Array(most + 1)
  const label = new Uint32Array(most)
  // The key ending at each node, plus 1; 0 where none does.
  const keyAt = new Uint32Array(most)
  runEnd[0] = keys.length
  let nodeCount = 1
  for (let node = 0; node < nodeCount; node++) {
    const end = runEnd[node]!
    const depth = runDepth[node]!
    childStart[node] = nodeCount
    let index = runStart[node]!
    // A key that ends here sorts before the longer keys it is a prefix of.
    if (index < end && keyStart[index + 1]! - keyStart[index]! === depth) keyAt[node] = ++index
    while (index < end) {
      const point = points[keyStart[index]! + depth]!
      let next = index + 1
      while (next < end && points[keyStart[next]! + depth] === point) next++
      runStart[nodeCount] = index
      runEnd[nodeCount] = next
      runDepth[nodeCount] = depth + 1
      label[nodeCount] = point
      uses.set(point, (uses.get(point) ?? 0) + 1)
      nodeCount++
      index = next
    }
  }
  childStart[nodeCount] = nodeCount

  // Letter numbers, the most used first.
  const letters = [...uses.keys()].sort((a, b) => uses.get(b)! - uses.get(a)! || a - b)
  const letterOf = new Map(letters.map((point, number) => [point, number]))
  const letterBytes = letters.length <= 0x1_00 ? 1 : letters.length <= 0x1_00_00 ? 2 : 3

  // Each node's subtree in bytes (its block and those below it), children before parents: breadth-first
  // numbers, backwards. A child's position in its parent's block is the sum of its elder siblings' subtrees.
  const subtree = new Float64Array(nodeCount)
  const positionBytes = new Uint8Array(nodeCount)
  for (let node = nodeCount - 1; node >= 0; node--) {
    const first = childStart[node]!
    const end = childStart[node + 1]!
    if (first === end) continue
    let below = 0
    for (let child = first; child < end - 1; child++) below += subtree[child]!
    const width = positionWidth(below)
    positionBytes[node] = width
    const count = end - first
    below += subtree[end - 1]!
    subtree[node] = (count < manyChildren ? 1 : 4) + count * (letterBytes + 1) + (count - 1) * width + below
  }
  if (subtree[0]! > 0xff_ff_ff_ff) throw new RangeError('Cannot compile a suggestion index of more than 4 GB')

  const trie = new Uint8Array(subtree[0]!)
  const storedAt: number[] = []
  const storedStart: number[] = []
  const stored: string[] = []
  let position = 0
  // Depth first: a stack of the nodes whose blocks are still to write, the next on top.
  const pending = childStart[1]! > childStart[0]! ? [0] : []
  while (pending.length > 0) {
    const node = pending.pop()!
    const first = childStart[node]!
    const end = childStart[node + 1]!
    const count = end - first
    if (count < manyChildren) trie[position++] = count
    else {
      trie[position++] = manyChildren
      position = writeNumber(trie, position, count, 3)
    }
    for (let child = first; child < end; child++) {
      position = writeNumber(trie, position, letterOf.get(label[child]!)!, letterBytes)
    }
    for (let child = first; child < end; child++) {
      const key = keyAt[child]! > 0 ? keys[keyAt[child]! - 1]! : undefined
      const forms = key === undefined ? FormsAre.None : formsOf(key, formsByKey.get(key)!)
      if (forms === FormsAre.Stored) {
        storedAt.push(position)
        storedStart.push(stored.length)
        const known = formsByKey.get(key!)!
        if (typeof known === 'string') stored.push(known)
        else stored.push(...known)
      }
      const parent = childStart[child + 1]! > childStart[child]!
      trie[position++] =
        (parent ? hasChildren : 0) | (forms << formsShift) | ((parent ? positionBytes[child]! - 1 : 0) << positionShift)
    }
    let below = 0
    for (let child = first; child < end - 1; child++) {
      below += subtree[child]!
      position = writeNumber(trie, position, below, positionBytes[node]!)
    }
    for (let child = end - 1; child >= first; child--) if (childStart[child + 1]! > childStart[child]!) pending.push(child)
  }
  storedStart.push(stored.length)

  const formOffset = new Uint32Array(stored.length + 1)
  const encoder = new TextEncoder()
  stored.forEach((form, index) => {
    formOffset[index + 1] = formOffset[index]! + (isAscii(form) ? form.length : encoder.encode(form).length)
  })
  const formBytesLength = formOffset[stored.length]!

  const tables = [new Uint32Array(letters), new Uint32Array(storedAt), new Uint32Array(storedStart), formOffset]
  let bytes = headerWords * 4
  for (const table of tables) bytes += table.byteLength
  const trieOffset = bytes + align4(formBytesLength)
  const buffer = new ArrayBuffer(trieOffset + trie.length)
  const header = new DataView(buffer)
  ;[
    magic,
    formatVersion,
    nodeCount,
    letters.length,
    letterBytes,
    positionBytes[0] || 1,
    trie.length,
    storedAt.length,
    stored.length,
    formBytesLength
  ].forEach((value, index) => header.setUint32(index * 4, value, true))
  let offset = headerWords * 4
  for (const table of tables) {
    new Uint32Array(buffer, offset, table.length).set(table)
    offset += table.byteLength
  }
  encoder.encodeInto(stored.join(''), new Uint8Array(buffer, offset, formBytesLength))
  new Uint8Array(buffer, trieOffset).set(trie)
  return new Uint8Array(buffer)
}

/**
 * How a key's forms can be told: made from the key, or stored.
 *
 * @param key Key.
 * @param known Its forms, in the order given.
 * @returns How.
 */
function formsOf(key: string, known: string | readonly string[]): FormsAre {
  if (typeof known !== 'string') return FormsAre.Stored
  if (known === key) return FormsAre.Key
  if (known === capitalise(key)) return FormsAre.Capitalised
  if (known === key.toUpperCase()) return FormsAre.Capitals
  return FormsAre.Stored
}

/**
 * A word with its first letter in capitals.
 *
 * @param word Word.
 * @returns `Paris` for `paris`.
 */
function capitalise(word: string): string {
  const [first = ''] = word
  return first.toUpperCase() + word.slice(first.length)
}

/**
 * Bytes to write a child's position in its parent's block in.
 *
 * @param most The largest position.
 * @returns 1 to 4.
 */
function positionWidth(most: number): number {
  return most < 0x1_00 ? 1 : most < 0x1_00_00 ? 2 : most < 0x1_00_00_00 ? 3 : 4
}

/**
 * Write a number little-endian.
 *
 * @param bytes Where.
 * @param position At what offset.
 * @param value Number.
 * @param width Bytes.
 * @returns The offset after it.
 */
function writeNumber(bytes: Uint8Array, position: number, value: number, width: number): number {
  for (let byte = 0; byte < width; byte++) bytes[position + byte] = Math.floor(value / 2 ** (8 * byte)) & 0xff
  return position + width
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
  if (bytes.byteLength < 8) throw new Error('Cannot read suggestion index: too short')
  if (bytes.byteOffset % 4 !== 0) bytes = bytes.slice()
  const start = new Uint32Array(bytes.buffer, bytes.byteOffset, 2)
  if (start[0] !== magic || start[1] !== formatVersion) {
    throw new Error('Cannot read suggestion index: not an index of format version ' + formatVersion)
  }
  if (bytes.byteLength < headerWords * 4) throw new Error('Cannot read suggestion index: truncated')
  const header = new Uint32Array(bytes.buffer, bytes.byteOffset, headerWords)
  const [
    ,
    ,
    nodeCount = 0,
    letterCount = 0,
    letterBytes = 1,
    rootPositionBytes = 1,
    trieBytes = 0,
    storedCount = 0,
    formCount = 0,
    formBytesLength = 0
  ] = header
  const needed = (headerWords + letterCount + 2 * storedCount + formCount + 2) * 4 + align4(formBytesLength) + trieBytes
  if (bytes.byteLength < needed) throw new Error('Cannot read suggestion index: truncated')

  let offset = bytes.byteOffset + headerWords * 4
  const take = (length: number): Uint32Array => {
    const view = new Uint32Array(bytes.buffer, offset, length)
    offset += length * 4
    return view
  }
  const letters = take(letterCount)
  const storedAt = take(storedCount)
  const storedStart = take(storedCount + 1)
  const formOffset = take(formCount + 1)
  const formBytes = new Uint8Array(bytes.buffer, offset, formBytesLength)
  const trie = new Uint8Array(bytes.buffer, offset + align4(formBytesLength), trieBytes)
  const letterOf = new Map<number, number>()
  letters.forEach((point, number) => letterOf.set(point, number))
  return {nodeCount, letters, letterOf, letterBytes, rootPositionBytes, trie, storedAt, storedStart, formOffset, formBytes}
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
 * @param everyTier Give the words two edits away even when some are one
 *   edit away: for a word known to be a slip, whose suggestions are ranked
 *   by more than edits (see `SpellCheck.suggestForSlip`). The walk costs
 *   ten times the nearest tier's.
 * @returns Candidates, nearest first (alphabetical within a distance).
 */
export function suggest(
  indexes: readonly SuggestionIndex[],
  word: string,
  limit = Number.POSITIVE_INFINITY,
  farthest = maxDistance,
  everyTier = false
): string[] {
  const input = word.trim().normalize('NFC')
  const query = codePointsOf(keyOf(input))
  if (query.length === 0 || limit <= 0) return []

  const pattern = casePattern(input)
  const curly = input.includes('’') && !input.includes("'")
  const candidates: Array<{text: string; distance: number; key: string}> = []
  // One edit first: most slips are one edit away, and that walk prunes far sooner than a two-edit one.
  for (const reach of farthest < maxDistance ? [1] : everyTier ? [maxDistance] : [1, maxDistance]) {
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
 * Every known form of a word in any case (`GitHub` for `Github`): the forms
 * of its key, found by following the key down each index, with no edit.
 * Cheap enough to ask of every unknown name, where `suggest` is not.
 *
 * @param indexes Indexes to search.
 * @param word A word.
 * @returns Its forms, in index order, the word itself left out.
 */
export function knownCasings(indexes: readonly SuggestionIndex[], word: string): string[] {
  const input = word.trim().normalize('NFC')
  const query = codePointsOf(keyOf(input))
  if (query.length === 0) return []
  // A walk with no edit to spend follows the key down each index, as `suggest` walks with one or two.
  const matches = new Map<string, Match>()
  for (const index of indexes) collect(index, query, 0, matches)
  return [...matches.values()].flatMap((match) => match.forms).filter((text) => text !== input)
}

/**
 * Walk one index for keys within `reach` edits of the query (optimal string
 * alignment distance), adding them to `matches`.
 *
 * The automaton (see `edit-automaton.ts`) takes, for each letter of the
 * path, which letters of the query near the current depth it equals: bit
 * `reach + 1 + i` of a letter's mask is set when letter `i` of the query is
 * that letter, so shifting the mask by the depth gives them. Masks run over
 * as many 32-bit words as a long query needs.
 *
 * Most nodes the walk enters have spent every edit: below them only the
 * rest of the query, letter for letter, can match (one edit from `budget`,
 * only `dget` or `udget` can follow `bx`), so those rests are looked up
 * (`exactRest`) rather than walked.
 *
 * @param index Index.
 * @param query The word's key.
 * @param reach Most edits.
 * @param matches Keys found so far, across indexes.
 */
function collect(index: SuggestionIndex, query: readonly number[], reach: number, matches: Map<string, Match>): void {
  const {trie, letters, letterOf, letterBytes} = index
  if (trie.length === 0) return
  const automaton = editAutomaton(reach)
  const {width, patternBits} = automaton
  const patternMask = (1 << patternBits) - 1
  const length = query.length
  // The window at the deepest row reaches bit `length + 3 * reach + 1`.
  const words = ((length + 3 * reach + 1) >>> 5) + 1
  const masks = new Int32Array(letters.length * words)
  // Letter number of each letter of the query; -1 for one the index lacks, which matches no edge.
  const queryLetters = new Int32Array(length)
  query.forEach((point, position) => {
    const letter = letterOf.get(point) ?? -1
    queryLetters[position] = letter
    const bit = reach + 1 + position
    if (letter >= 0) masks[letter * words + (bit >>> 5)]! |= 1 << (bit & 31)
  })
  // Letter numbers of the path so far, by depth.
  const path = new Int32Array(length + reach)
  let {next, cells, lowest, leastSwap} = automaton

  /**
   * Follow the query from letter `column` on, exactly, below a node.
   *
   * @param block The node's block.
   * @param positionBytes Bytes per child position in it.
   * @param depth The node's depth.
   * @param column Letter of the query to match next.
   */
  const exactRest = (block: number, positionBytes: number, depth: number, column: number): void => {
    for (;;) {
      const wanted = queryLetters[column]!
      if (wanted < 0) return
      let count = trie[block]!
      let at = block + 1
      if (count === manyChildren) {
        count = readNumber(trie, at, 3)
        at += 3
      }
      let child = 0
      if (letterBytes === 1) {
        while (child < count && trie[at + child] !== wanted) child++
      } else {
        while (child < count && readNumber(trie, at + child * letterBytes, letterBytes) !== wanted) child++
      }
      if (child === count) return
      const flagsAt = at + count * letterBytes
      const flags = trie[flagsAt + child]!
      path[depth] = wanted
      depth++
      column++
      if (column === length) {
        const forms = (flags >> formsShift) & 7
        if (forms !== FormsAre.None) addForms(index, flagsAt + child, forms, keyOfPath(letters, path, depth), reach, matches)
        return
      }
      if (!(flags & hasChildren)) return
      const positionsAt = flagsAt + count
      block = positionsAt + (count - 1) * positionBytes
      if (child > 0) block += readNumber(trie, positionsAt + (child - 1) * positionBytes, positionBytes)
      positionBytes = ((flags >> positionShift) & 3) + 1
    }
  }

  const visit = (block: number, positionBytes: number, depth: number, state: number): void => {
    const childDepth = depth + 1
    // Band cell of the query's last column: cells past it do not count, and a key ends within reach only there.
    const end = length - childDepth + reach
    const last = end < width ? end : width - 1
    // A path longer than the query plus the reach can never come back within reach.
    const deeper = childDepth < length + reach
    const word = depth >>> 5
    const bit = depth & 31
    const spans = bit + patternBits > 32
    let count = trie[block]!
    let at = block + 1
    if (count === manyChildren) {
      count = readNumber(trie, at, 3)
      at += 3
    }
    const flagsAt = at + count * letterBytes
    const positionsAt = flagsAt + count
    const blockEnd = positionsAt + (count - 1) * positionBytes
    for (let child = 0; child < count; child++) {
      const letter = letterBytes === 1 ? trie[at + child]! : readNumber(trie, at + child * letterBytes, letterBytes)
      const slot = letter * words + word
      let pattern = masks[slot]! >>> bit
      if (spans) pattern |= masks[slot + 1]! << (32 - bit)
      pattern &= patternMask
      let state2 = next[(state << patternBits) | pattern]!
      if (state2 < 0) {
        state2 = nextState(automaton, state, pattern)
        ;({next, cells, lowest, leastSwap} = automaton)
      }
      const least = lowest[state2 * width + last]!
      if (least > reach) continue
      const flags = trie[flagsAt + child]!
      path[depth] = letter
      const forms = (flags >> formsShift) & 7
      if (forms !== FormsAre.None && last === end && cells[state2 * width + end]! <= reach) {
        addForms(index, flagsAt + child, forms, keyOfPath(letters, path, childDepth), cells[state2 * width + end]!, matches)
      }
      if (!(flags & hasChildren) || !deeper) continue
      let childBlock = blockEnd
      if (child > 0) childBlock += readNumber(trie, positionsAt + (child - 1) * positionBytes, positionBytes)
      const childPositionBytes = ((flags >> positionShift) & 3) + 1
      if (least === reach && leastSwap[state2]! > reach) {
        // Every edit spent, and no swap under way: only the query's rest from a column at `reach` can follow.
        for (let cell = 0; cell <= last; cell++) {
          const column = childDepth - reach + cell
          if (cells[state2 * width + cell] === reach && column < length) {
            exactRest(childBlock, childPositionBytes, childDepth, column)
          }
        }
      } else visit(childBlock, childPositionBytes, childDepth, state2)
    }
  }
  visit(0, index.rootPositionBytes, 0, automaton.start)
}

/**
 * Read a little-endian number.
 *
 * @param bytes Bytes.
 * @param position Offset.
 * @param width Bytes of the number, 1 to 4.
 * @returns The number.
 */
function readNumber(bytes: Uint8Array, position: number, width: number): number {
  let value = bytes[position]!
  if (width > 1) value |= bytes[position + 1]! << 8
  if (width > 2) value |= bytes[position + 2]! << 16
  if (width > 3) value += bytes[position + 3]! * 0x1_00_00_00
  return value
}

/**
 * The key a path of letter numbers spells.
 *
 * @param letters Code point of each letter number.
 * @param path Letter numbers.
 * @param length Letters of the path to take.
 * @returns The key.
 */
function keyOfPath(letters: Uint32Array, path: Int32Array, length: number): string {
  const points: number[] = []
  for (let depth = 0; depth < length; depth++) points.push(letters[path[depth]!]!)
  return String.fromCodePoint(...points)
}

/**
 * Note the forms of a node found within reach.
 *
 * @param index Index.
 * @param record The node's trie position.
 * @param forms What its forms are.
 * @param key Its key.
 * @param distance Edits from the query.
 * @param matches Keys found so far, across indexes.
 */
function addForms(
  index: SuggestionIndex,
  record: number,
  forms: FormsAre,
  key: string,
  distance: number,
  matches: Map<string, Match>
): void {
  let match = matches.get(key)
  if (!match) {
    match = {distance, forms: []}
    matches.set(key, match)
  }
  for (const text of formsAt(index, record, forms, key)) if (!match.forms.includes(text)) match.forms.push(text)
}

/**
 * The forms of a node, in the order the words were given.
 *
 * @param index Index.
 * @param record The node's trie position.
 * @param forms What its forms are.
 * @param key Its key.
 * @returns Forms.
 */
function formsAt(index: SuggestionIndex, record: number, forms: FormsAre, key: string): string[] {
  if (forms === FormsAre.Key) return [key]
  if (forms === FormsAre.Capitalised) return [capitalise(key)]
  if (forms === FormsAre.Capitals) return [key.toUpperCase()]
  const {storedAt, storedStart, formOffset, formBytes} = index
  let low = 0
  let high = storedAt.length - 1
  while (low < high) {
    const middle = (low + high) >>> 1
    if (storedAt[middle]! < record) low = middle + 1
    else high = middle
  }
  const texts: string[] = []
  for (let form = storedStart[low]!; form < storedStart[low + 1]!; form++) {
    texts.push(decoder.decode(formBytes.subarray(formOffset[form]!, formOffset[form + 1]!)))
  }
  return texts
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
