/**
 * The edit-distance table of a trie walk, as an automaton: one table lookup
 * per trie edge instead of a row of cells.
 *
 * A walk that looks `reach` edits from the word only needs the cells of
 * each row within `reach` of the diagonal (the band), each of them a number
 * from 0 to `reach + 1` ("beyond"). What row `d + 1` holds follows from row
 * `d`, from the cells of row `d - 1` that a swap of neighbours can use, and
 * from which letters of the word, near column `d`, the new letter equals.
 * That is true of every word, so the band rows and swap cells can be
 * numbered as the states of one automaton, and the next state looked up by
 * state and by that pattern of equal letters (Schulz and Mihov's universal
 * Levenshtein automaton, with swaps). The states are made as walks first
 * reach them and kept for the process: few come up at all.
 *
 * Positions, for a band of `width = 2 * reach + 1` cells: cell `j` of row
 * `d` is column `d - reach + j` of the table (edits between the first `d`
 * letters of the path and the first `d - reach + j` letters of the word).
 * Columns before the word's start are beyond reach, and columns after its
 * end are worked out as if the word went on with letters that match none.
 *
 * The letter pattern has `width + 2` bits: bit `i` is set when the new
 * letter (the `d + 1`th of the path) equals letter `d - reach - 1 + i` of
 * the word (counting from 0), so `letterMasks` and a shift by `d` give it.
 */

/** The automaton for one reach, grown as states come up. */
export interface EditAutomaton {
  /** Most edits looked for. */
  readonly reach: number
  /** Cells in a band row: `2 * reach + 1`. */
  readonly width: number
  /** Bits in a letter pattern: `width + 2`. */
  readonly patternBits: number
  /** The state before any letter of the path. */
  readonly start: number
  /**
   * The next state for state `s` and pattern `p` at `s << patternBits | p`;
   * -1 where not made yet (`nextState` makes it).
   */
  next: Int32Array
  /** Cell `j` of each state's band row at `s * width + j`: the edits so far, up to `reach + 1`. */
  cells: Uint8Array
  /** The least of cells 0 to `j` of each state's row, at `s * width + j`: a walk beyond it cannot do better. */
  lowest: Uint8Array
  /** Each state's swap cells, at `s * width + j` (see `nextState`). */
  swaps: Uint8Array
  /** The least swap cell of each state. */
  leastSwap: Uint8Array
  /** Number of states so far. */
  count: number
  /** State number by its cells, packed two bits a cell. */
  readonly numbers: Map<number, number>
}

const automata: EditAutomaton[] = []

/**
 * The automaton for a reach, shared by every walk of the process.
 *
 * @param reach Most edits: 1 or 2 (a cell holds up to `reach + 1` in two bits).
 * @returns The automaton.
 */
export function editAutomaton(reach: number): EditAutomaton {
  let automaton = automata[reach]
  if (!automaton) {
    const width = 2 * reach + 1
    automaton = {
      reach,
      width,
      patternBits: width + 2,
      start: 0,
      next: new Int32Array(0),
      cells: new Uint8Array(0),
      lowest: new Uint8Array(0),
      swaps: new Uint8Array(0),
      leastSwap: new Uint8Array(0),
      count: 0,
      numbers: new Map()
    }
    // Row 0: column `c` is `c` edits (drop the first `c` letters of the word); none lies before the word.
    const cells = new Uint8Array(width)
    const swaps = new Uint8Array(width).fill(reach + 1)
    for (let cell = 0; cell < width; cell++) cells[cell] = cell < reach ? reach + 1 : Math.min(cell - reach, reach + 1)
    addState(automaton, cells, swaps)
    automata[reach] = automaton
  }
  return automaton
}

/**
 * The state after one more letter of the path, made on first need.
 *
 * Cell `j` of the new row is the least of: cell `j` of the old row, plus 1
 * unless the letter equals the word's letter there (pattern bit `j + 1`);
 * cell `j + 1` of the old row plus 1 (the path has a letter the word lacks);
 * cell `j - 1` of the new row plus 1 (the word has a letter the path lacks);
 * and, when the letter equals the word's letter before (bit `j`), the swap
 * cell `j`. The swap cells carried on are the old row's cells plus 1 where
 * this letter equals the word's letter after (bit `j + 2`): one edit more
 * than the table two rows back, if the next letter completes the swap
 * (`teh` for `the`).
 *
 * @param automaton Automaton.
 * @param state Current state.
 * @param pattern Which nearby letters of the word the new letter equals.
 * @returns The next state.
 */
export function nextState(automaton: EditAutomaton, state: number, pattern: number): number {
  const {width, reach} = automaton
  const beyond = reach + 1
  const base = state * width
  const cells = new Uint8Array(width)
  const swaps = new Uint8Array(width)
  for (let cell = 0; cell < width; cell++) {
    let value = automaton.cells[base + cell]! + ((pattern >> (cell + 1)) & 1 ? 0 : 1)
    const deletion = (cell + 1 < width ? automaton.cells[base + cell + 1]! : beyond) + 1
    if (deletion < value) value = deletion
    if (cell > 0 && cells[cell - 1]! + 1 < value) value = cells[cell - 1]! + 1
    if ((pattern >> cell) & 1 && automaton.swaps[base + cell]! < value) value = automaton.swaps[base + cell]!
    cells[cell] = Math.min(value, beyond)
  }
  for (let cell = 0; cell < width; cell++) {
    const swap = (pattern >> (cell + 2)) & 1 ? Math.min(automaton.cells[base + cell]! + 1, beyond) : beyond
    // A swap no cheaper than the plain step along the diagonal never counts: leaving it out keeps states few.
    swaps[cell] = swap < cells[cell]! + 1 ? swap : beyond
  }
  const next = addState(automaton, cells, swaps)
  automaton.next[(state << automaton.patternBits) | pattern] = next
  return next
}

/**
 * Number a state, adding it if it is new.
 *
 * @param automaton Automaton.
 * @param cells Its band row.
 * @param swaps Its swap cells.
 * @returns Its number.
 */
function addState(automaton: EditAutomaton, cells: Uint8Array, swaps: Uint8Array): number {
  const {width} = automaton
  let packed = 0
  for (let cell = 0; cell < width; cell++) packed = packed * 16 + cells[cell]! * 4 + swaps[cell]!
  const known = automaton.numbers.get(packed)
  if (known !== undefined) return known
  const state = automaton.count++
  if (automaton.cells.length < automaton.count * width) grow(automaton, Math.max(64, automaton.count * 2))
  automaton.cells.set(cells, state * width)
  automaton.swaps.set(swaps, state * width)
  let lowest = automaton.reach + 1
  for (let cell = 0; cell < width; cell++) {
    lowest = Math.min(lowest, cells[cell]!)
    automaton.lowest[state * width + cell] = lowest
  }
  automaton.leastSwap[state] = Math.min(...swaps)
  automaton.numbers.set(packed, state)
  return state
}

/**
 * Make room for more states.
 *
 * @param automaton Automaton.
 * @param states States to have room for.
 */
function grow(automaton: EditAutomaton, states: number): void {
  const {width, patternBits} = automaton
  const next = new Int32Array(states << patternBits).fill(-1)
  next.set(automaton.next)
  automaton.next = next
  for (const field of ['cells', 'lowest', 'swaps'] as const) {
    const values = new Uint8Array(states * width)
    values.set(automaton[field])
    automaton[field] = values
  }
  const leastSwap = new Uint8Array(states)
  leastSwap.set(automaton.leastSwap)
  automaton.leastSwap = leastSwap
}
