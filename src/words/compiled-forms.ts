import nspell from 'nspell'
import {lookupForms} from './nspell-forms.js'
import {findSortedLine} from './sorted-lines.js'

/** A hunspell dictionary, as the dictionary packages give it. */
export interface HunspellDictionary {
  aff: Uint8Array
  dic: Uint8Array
}

/**
 * Every word form of a hunspell dictionary, written out and sorted, and
 * looked up the way nspell's `correct` does.
 *
 * nspell spends its load applying affix rules to 50,000 stems. The
 * forms they make (`walk`, `walked`, `walking`, …) are written out once
 * (see `compileForms`, cached on disk by `dictionary.ts`) and sorted, so
 * that a word is found by binary search in the text itself: nothing is
 * built on load, whatever the size of the dictionary.
 */
export class CompiledForms {
  /** The sorted `.dic` text: a count line, then `form` or `form/flags` lines, `\n`-terminated. */
  private readonly text: string
  /** Offset of the first form line. */
  private readonly start: number
  private readonly onlyInCompound: string | undefined
  private readonly compoundMin: number
  private readonly compoundCodes: string
  private compound: {rules: readonly RegExp[]; lines: readonly string[]} | undefined
  private readonly aff: Uint8Array
  private readonly cachedCompoundLines: ((find: () => readonly string[]) => readonly string[]) | undefined
  /** Lines already looked up (`null`: none), bounded by the words a run asks about. */
  private readonly lines = new Map<string, string | null>()

  /**
   * @param aff The dictionary's affix file.
   * @param forms Its compiled forms (`compileForms`), as text.
   * @param cachedCompoundLines Get the compound lines from a cache, given how to find them.
   */
  constructor(
    aff: Uint8Array,
    forms: string,
    cachedCompoundLines?: (find: () => readonly string[]) => readonly string[]
  ) {
    this.aff = aff
    this.cachedCompoundLines = cachedCompoundLines
    this.text = forms
    this.start = this.text.indexOf('\n') + 1
    const affix = new TextDecoder().decode(aff)
    this.onlyInCompound = /^ONLYINCOMPOUND\s+(\S+)/m.exec(affix)?.[1]
    this.compoundMin = Number(/^COMPOUNDMIN\s+(\d+)/m.exec(affix)?.[1] ?? 3)
    // The flags compound rules are made of (`n*1t`: `n`, `1`, `t`).
    this.compoundCodes = [...affix.matchAll(/^COMPOUNDRULE\s+(\S+)/gm)]
      .map((match) => match[1] ?? '')
      .filter((rule) => !/^\d+$/.test(rule))
      .join('')
      .replace(/[*?()]/g, '')
  }

  /**
   * Whether the dictionary knows a word, as nspell's `correct` answers: the
   * word as written (curly apostrophes made straight), else an all-capital
   * word in sentence case (`PARIS` → `Paris`), else in lowercase (`Walk` →
   * `walk`). The English dictionaries set no KEEPCASE or FORBIDDENWORD
   * flag, the other two things nspell's `form` looks at.
   *
   * @param word Word.
   * @returns Whether it is known.
   */
  correct(word: string): boolean {
    return lookupForms(word).some((form) => this.exact(form))
  }

  /**
   * The line of a form, with its flags, if the dictionary has the form.
   *
   * @param form Exact form.
   * @returns `form` or `form/flags`.
   */
  line(form: string): string | undefined {
    // Every story's dictionary slice looks up the forms of its unknown
    // words and names again; a binary search in the 1.5 MB text touches a
    // dozen far-apart lines, a Map lookup one entry (the CI case of
    // `npm run bench` shows the difference).
    let line = this.lines.get(form)
    if (line === undefined) {
      line = findSortedLine(this.text, this.start, form, '/') ?? null
      this.lines.set(form, line)
    }
    return line ?? undefined
  }

  /**
   * The lines every slice of the dictionary needs: forms with compound-rule
   * or ONLYINCOMPOUND flags, from which nspell builds its compound rules
   * (ordinals such as `21st`).
   *
   * @returns The lines.
   */
  compoundLines(): readonly string[] {
    return this.compoundState().lines
  }

  /**
   * Whether a form is a word on its own: listed without ONLYINCOMPOUND, or
   * made by a compound rule (nspell's `exact`).
   *
   * @param form Exact form.
   * @returns Whether it is.
   */
  private exact(form: string): boolean {
    const line = this.line(form)
    if (line !== undefined) return !this.hasFlag(line, this.onlyInCompound)
    return form.length >= this.compoundMin && this.compoundState().rules.some((rule) => rule.test(form))
  }

  /**
   * Whether a line carries a flag.
   *
   * @param line Line.
   * @param flag Flag.
   * @returns Whether it does.
   */
  private hasFlag(line: string, flag: string | undefined): boolean {
    const slash = line.indexOf('/')
    return flag !== undefined && slash >= 0 && line.includes(flag, slash + 1)
  }

  /**
   * nspell's compound rules, made from the forms that carry their flags:
   * built on first need by nspell itself from just those lines.
   *
   * @returns Rules and lines.
   */
  private compoundState(): {rules: readonly RegExp[]; lines: readonly string[]} {
    if (!this.compound) {
      const find = () => this.findCompoundLines()
      const lines = this.cachedCompoundLines ? this.cachedCompoundLines(find) : find()
      const checker = nspell({aff: Buffer.from(this.aff), dic: Buffer.from(lines.length + '\n' + lines.join('\n'))})
      this.compound = {rules: (checker as unknown as {compoundRules: RegExp[]}).compoundRules, lines}
    }
    return this.compound
  }

  /**
   * Find the forms with compound-rule or ONLYINCOMPOUND flags, reading every line.
   *
   * @returns Their lines.
   */
  private findCompoundLines(): string[] {
    const lines: string[] = []
    for (const line of this.text.slice(this.start).split('\n')) {
      const slash = line.indexOf('/')
      if (slash < 0) continue
      const flags = line.slice(slash + 1)
      if ([...flags].some((flag) => this.compoundCodes.includes(flag) || flag === this.onlyInCompound)) lines.push(line)
    }
    return lines
  }
}

/**
 * Write out every form nspell makes of a dictionary, sorted, one per line,
 * each with the flags that still mean something on a form (NOSUGGEST,
 * ONLYINCOMPOUND, compound rule flags) and without the affix flags that made
 * it. (No form of the English dictionaries has a slash, which would need
 * escaping.)
 *
 * @param dictionary A hunspell dictionary.
 * @returns The word list, in hunspell's `.dic` format.
 */
export function compileForms(dictionary: HunspellDictionary): Uint8Array {
  // The dictionary packages read their files with fs, so these are Buffers, as nspell's types want.
  const checker = nspell({aff: Buffer.from(dictionary.aff), dic: Buffer.from(dictionary.dic)}) as unknown as NspellInternals
  const forms = Object.keys(checker.data).sort()
  const lines = forms.map(function (form) {
    const kept = (checker.data[form] ?? []).filter((code) => !(code in checker.rules)).join('')
    return kept ? form + '/' + kept : form
  })
  return new TextEncoder().encode(lines.length + '\n' + lines.join('\n') + '\n')
}

/** What `compileForms` reads of nspell's state: every form with its flags, and the affix rules by flag. */
interface NspellInternals {
  data: Record<string, string[]>
  rules: Record<string, unknown>
}
