import type {Root} from 'nlcst'
import retextSyntaxMentions from 'retext-syntax-mentions'
import retextSyntaxUrls from 'retext-syntax-urls'
import {unified, type Processor} from 'unified'
import joinBracketed from './join-bracketed.js'
import markSic from './mark-sic.js'
import parseProse from './parse-prose.js'
import restoreNonUrls from './restore-non-urls.js'

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
    .use(retextSyntaxUrls)
    .use(restoreNonUrls)
    .use(retextSyntaxMentions)
    .use(markSic)
    .use(joinBracketed) as unknown as Processor<Root, Root, Root>
}
