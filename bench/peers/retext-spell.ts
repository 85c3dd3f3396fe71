/**
 * The plain retext-spell peer of `npm run bench`: what a project without
 * copydesk would run. retext-spell with dictionary-en at its defaults (so
 * its suggestions stop after the first 30 unknown words of the run), one
 * processor for every file named on the command line, one file after the
 * other, and vfile-reporter's report on standard output.
 *
 * The compile step is left out: retext has no compiler, and only the
 * messages matter. Exits 0 whatever it finds, as a bare script would.
 */
import fs from 'node:fs/promises'
import process from 'node:process'
import dictionary from 'dictionary-en'
import retextEnglish from 'retext-english'
import retextSpell from 'retext-spell'
import {unified} from 'unified'
import {VFile} from 'vfile'
import {reporter} from 'vfile-reporter'

const processor = unified().use(retextEnglish).use(retextSpell, {dictionary})
const files: VFile[] = []
for (const filePath of process.argv.slice(2)) {
  const file = new VFile({path: filePath, value: await fs.readFile(filePath, 'utf8')})
  await processor.run(processor.parse(file), file)
  files.push(file)
}
process.stdout.write(reporter(files) + '\n')
