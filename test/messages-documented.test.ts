import fs from 'node:fs'
import path from 'node:path'
import ts from 'typescript'
import {describe, expect, test} from 'vitest'
import {root} from './helpers.js'

// Every kind of line copydesk prints on standard error must be in the
// README's "Exit codes" section. The sources are read with the TypeScript
// parser, and each place that makes such a line is found by what it calls:
// a `CopydeskError`, a stage that names itself in `… failed: reason`, a
// note pushed for the CLI, or a write to standard error. The fixed words of
// its message (the longest run of text between the values put in) must be
// in the section: a value such as a file name or count is not.

/** A place in the sources that makes a line for standard error. */
interface MessageSite {
  /** `file:line` in the sources. */
  where: string
  /** The longest run of fixed text in the message. */
  text: string
}

/** Calls whose first argument is the reason of a problem, or a stage's name. */
const messageCalls = new Set(['problemFromStageFailure', 'inStage', 'namedStep'])

/**
 * The pieces of literal text in an expression building a message: string
 * and template literals, joined with `+`, or picked with `||` and `?:`.
 *
 * @param node The expression.
 * @returns Its literal pieces.
 */
function literalPieces(node: ts.Node): string[] {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return [node.text]
  if (ts.isTemplateExpression(node)) return [node.head.text, ...node.templateSpans.map((span) => span.literal.text)]
  if (ts.isBinaryExpression(node)) return [...literalPieces(node.left), ...literalPieces(node.right)]
  if (ts.isConditionalExpression(node)) return [...literalPieces(node.whenTrue), ...literalPieces(node.whenFalse)]
  if (ts.isParenthesizedExpression(node)) return literalPieces(node.expression)
  return []
}

/**
 * Whether a call or `new` makes a line for standard error.
 *
 * @param node A node of the source.
 * @returns Its message argument, if it is such a call.
 */
function messageArgument(node: ts.Node): ts.Expression | undefined {
  if (ts.isNewExpression(node) && node.expression.getText() === 'CopydeskError') return node.arguments?.[0]
  if (!ts.isCallExpression(node)) return undefined
  const callee = node.expression.getText()
  if (messageCalls.has(callee) || /(^|\.)stderr\.write$/.test(callee) || /^(notices|discovery\.problems|problems)\.push$/.test(callee)) {
    return node.arguments[0]
  }
  return undefined
}

/**
 * Find every place in a file that makes a line for standard error.
 *
 * @param filePath Path of a source file.
 * @returns The places, with the fixed text of each message.
 */
function messageSites(filePath: string): MessageSite[] {
  const text = fs.readFileSync(filePath, 'utf8')
  const source = ts.createSourceFile(filePath, text, ts.ScriptTarget.Latest, true)
  const sites: MessageSite[] = []
  const visit = (node: ts.Node): void => {
    const argument = messageArgument(node)
    if (argument) {
      // The table shows a step's failure as `story.md: step \`mark-sic\` failed: …`, with the steps named after it.
      const pieces = literalPieces(argument).map((piece) =>
        piece
          .replace(/^copydesk: /, '')
          .replace(/^step /, '')
          .replace(/^[\s:]+|[\s:]+$/g, '')
      )
      const longest = pieces.reduce((best, piece) => (piece.length > best.length ? piece : best), '')
      // Only a value and punctuation (`${word}  ${place}`, `'\n'`): nothing fixed to look for.
      if (longest.length >= 6) {
        const line = source.getLineAndCharacterOfPosition(node.getStart()).line + 1
        sites.push({where: path.relative(root, filePath) + ':' + line, text: longest})
      }
    }
    ts.forEachChild(node, visit)
  }
  visit(source)
  return sites
}

/**
 * Source files of the program: `src/`, `rules/` and the bin.
 *
 * @returns Absolute paths.
 */
function sourceFiles(): string[] {
  const files: string[] = [path.join(root, 'bin', 'copydesk.js')]
  for (const folder of ['src', 'rules']) {
    for (const entry of fs.readdirSync(path.join(root, folder), {recursive: true, encoding: 'utf8'})) {
      if (/\.[jt]s$/.test(entry) && !entry.endsWith('.d.ts')) files.push(path.join(root, folder, entry))
    }
  }
  return files
}

/** The README's "Exit codes" section, with the backslashes that escape backticks in its tables taken out. */
const exitCodes = (/^## Exit codes\n([\s\S]*?)^## /m.exec(fs.readFileSync(path.join(root, 'README.md'), 'utf8'))?.[1] ?? '').replaceAll('\\`', '`')

const sites = sourceFiles().flatMap(messageSites)

describe('the README documents every message', () => {
  test('the scan finds the kinds of message it looks for', () => {
    // Guards the scan itself: were it to find nothing, the test below could not fail.
    const found = sites.map((site) => site.text)
    expect(found).toContain('nothing to lint: no file matches')
    expect(found).toContain('skipped, ignored by .gitignore or .copydeskignore')
    expect(found).toContain('names-across-files')
    expect(found).toContain('mark-sic')
    expect(sites.length).toBeGreaterThan(50)
  })

  test.each(sites.map((site) => [site.where, site.text]))('%s: `%s` is in "Exit codes"', (_where, text) => {
    expect(exitCodes).toContain(text)
  })
})
