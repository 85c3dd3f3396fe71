/** Where the README lives; each rule's documentation is a section of it. */
export const readmeUrl = 'https://github.com/copydesk/copydesk#readme'

/**
 * Link to the README section of a rule (`#rule-spelling`).
 *
 * @param ruleId Rule id.
 * @returns Absolute URL of the rule's documentation.
 */
export function ruleUrl(ruleId: string): string {
  return readmeUrl.replace(/#.*$/, '') + '#rule-' + ruleId
}
