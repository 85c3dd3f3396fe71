import dictionary from 'dictionary-en'
import retextEnglish from 'retext-english'
import retextSpell from 'retext-spell'
import {unified} from 'unified'
import {VFile} from 'vfile'
import {type Finding, findingsOf} from './measure.js'

/** Lints articles with plain retext-spell; keeps its state across calls. */
export type BaselineLinter = (texts: ReadonlyMap<string, string>) => Promise<Finding[]>

/**
 * Make the baseline: plain retext-spell on dictionary-en with its defaults,
 * as a project without copydesk would run it, where every unknown word is a
 * finding.
 *
 * One processor serves every article of both runs. retext-spell counts its
 * suggestion calls per processor and stops suggesting after 30 (its `max`),
 * which keeps the baseline fast; its suggestions are therefore not scored.
 *
 * @returns A function that lints articles and gives their findings.
 */
export function plainRetextSpell(): BaselineLinter {
  const processor = unified().use(retextEnglish).use(retextSpell, {dictionary}).freeze()
  return async function (texts) {
    const files: VFile[] = []
    for (const [name, text] of texts) {
      const file = new VFile({path: name, value: text})
      // Parse and run without the compile step: retext has no compiler, and only the messages matter.
      await processor.run(processor.parse(file), file)
      // The one-off "No longer generating suggestions" notice sits on a word
      // that has its own finding; it is not a finding itself.
      file.messages = file.messages.filter((message) => message.ruleId !== 'overflow')
      files.push(file)
    }
    return findingsOf(files)
  }
}
