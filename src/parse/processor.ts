import type {Root} from 'nlcst'
import retextSyntaxMentions from 'retext-syntax-mentions'
import retextSyntaxUrls from 'retext-syntax-urls'
import {unified, type Plugin, type Processor} from 'unified'
import type {VFile} from 'vfile'
import joinBracketed from './join-bracketed.js'
import markSic from './mark-sic.js'
import parseProse from './parse-prose.js'
import restoreNonUrls from './restore-non-urls.js'
import {namedStep} from '../stage.js'

/**
 * Make the base pipeline every file goes through before the rules: parse the
 * prose of text, Markdown or HTML into one English tree, set URLs,
 * `@handles`, words marked `[sic]` and bracketed insertions (`sow[ing]`)
 * aside as source.
 *
 * @returns A fresh processor; the rules are added from config.
 */
export function createProcessor(): Processor<Root, Root, Root> {
  return unified()
    .use(parseProse)
    // Each step named, so that one that throws is reported as
    // `story.md: step \`mark-sic\` failed: …` (see `namedStep`).
    .use(namedStep('retext-syntax-urls', retextSyntaxUrls))
    .use(namedStep('restore-non-urls', restoreNonUrls))
    .use(namedStep('retext-syntax-mentions', mentionsWhereAtSigns))
    .use(namedStep('mark-sic', markSic))
    .use(namedStep('join-bracketed', joinBracketed)) as unknown as Processor<Root, Root, Root>
}

/**
 * retext-syntax-mentions, on the files that can have a mention: it walks
 * every node of a story looking for an `@`, a twentieth of a run of many
 * stories, and most stories have none. A file without `@` or `&` (which
 * could stand for one in HTML, `&#64;`) has no `@` in its tree.
 */
const mentionsWhereAtSigns: Plugin<[], Root> = function () {
  const transform = retextSyntaxMentions() as (tree: Root) => undefined
  return function (tree: Root, file: VFile) {
    if (/[@&]/.test(String(file.value))) transform(tree)
  }
}
