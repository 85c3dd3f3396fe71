/** The set made of each word list, by the list. */
const setsByList = new WeakMap<readonly string[], ReadonlySet<string>>()

/**
 * A word list as a set to look words up in, made once per list.
 *
 * The accepted words of a config start with the 20,000-odd bundled names,
 * and several rules and the suggestion index each need them as a set: one
 * set per list, shared, rather than one per rule. Keyed by the list
 * itself, so a list that is no longer used takes its set with it, and a
 * list must not change once its set is made (config lists are frozen).
 *
 * @param words The list.
 * @returns Its words as a set.
 */
export function wordSet(words: readonly string[]): ReadonlySet<string> {
  let set = setsByList.get(words)
  if (!set) {
    set = new Set(words)
    setsByList.set(words, set)
  }
  return set
}
