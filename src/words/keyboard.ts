/**
 * Which keys neighbour which on a US QWERTY keyboard: a finger that slips
 * lands on one of them, so `crzsh` is `crash` with `z` for `a`, and
 * `jobw` is `jobs` rather than `job` with a stray `w`.
 */

/** Rows of the keyboard, each with how far it starts right of the top row, in half keys. */
const rows: ReadonlyArray<readonly [letters: string, shift: number]> = [
  ['qwertyuiop', 0],
  ['asdfghjkl', 1],
  ['zxcvbnm', 2]
]

/** Neighbours of each letter. */
const neighbours: ReadonlyMap<string, string> = keyNeighbours()

/**
 * The letters on the keys next to a letter's key.
 *
 * @param letter Lowercase letter.
 * @returns Its neighbours, as one string; empty for a character off the letter keys.
 */
export function neighbourKeys(letter: string): string {
  return neighbours.get(letter) ?? ''
}

/**
 * How many neighbours a letter's key has, on average over the letter keys:
 * the choices a finger that slips to a neighbouring key has.
 *
 * @returns The mean count.
 */
export function meanNeighbourCount(): number {
  let total = 0
  for (const letters of neighbours.values()) total += letters.length
  return total / neighbours.size
}

/**
 * Whether two letters are on neighbouring keys (beside each other in a row,
 * or touching across the stagger of two rows).
 *
 * @param a Lowercase letter.
 * @param b Lowercase letter.
 * @returns Whether they neighbour.
 */
export function isNeighbourKey(a: string, b: string): boolean {
  return a.length === 1 && b.length === 1 && (neighbours.get(a)?.includes(b) ?? false)
}

/**
 * Work out the neighbours from the key centres, in half keys, so that the
 * stagger of the rows is exact.
 *
 * @returns Neighbours by letter.
 */
function keyNeighbours(): Map<string, string> {
  const keys = rows.flatMap(([letters, shift], row) => [...letters].map((letter, index) => ({letter, row, x: shift + index * 2})))
  return new Map(
    keys.map((key) => [
      key.letter,
      keys
        .filter(
          (other) =>
            (other.row === key.row && Math.abs(other.x - key.x) === 2) ||
            (Math.abs(other.row - key.row) === 1 && Math.abs(other.x - key.x) === 1)
        )
        .map((other) => other.letter)
        .join('')
    ])
  )
}
