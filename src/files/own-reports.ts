import {formatOf} from './formats.js'

/**
 * The tag copydesk's HTML reports carry in their head (`copydesk names
 * --format html`), as site generators mark the pages they write.
 */
export const reportGeneratorTag = '<meta name="generator" content="copydesk">'

/**
 * Whether a file is a report copydesk wrote rather than a story: an HTML
 * page whose head carries `reportGeneratorTag`. A names report saved in the
 * repository it describes holds every name of the archive, spellings and
 * variants alike; linting it on the next run would report each variant again.
 *
 * @param filePath The file's path (its extension gives the format).
 * @param text Its text.
 * @returns Whether it is copydesk's own report.
 */
export function isOwnReport(filePath: string, text: string): boolean {
  if (formatOf(filePath) !== 'html') return false
  const head = text.slice(0, 2000)
  return head.includes(reportGeneratorTag) && /^\s*<!doctype html>/i.test(head)
}
