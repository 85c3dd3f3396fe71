import type {Root} from 'nlcst'
import {messageControl} from 'unified-message-control'
import type {Node, Point, Position} from 'unist'
import type {VFile} from 'vfile'
import {location} from 'vfile-location'
import {closest} from '../words/edit-distance.js'
import type {CommentMarker, MarkerWord} from '../parse/markers.js'
import {readmeUrl} from '../rule-url.js'
import {setSeverity} from '../severity.js'
import {eachNode} from '../analyse/each-node.js'

/** The rule id of findings on the markers themselves (an unknown rule or keyword). */
const markerRuleId = 'marker'

/** What each marker keyword does. */
const keywords = {
  'copydesk-disable': 'disable',
  'copydesk-enable': 'enable',
  'copydesk-disable-next-line': 'ignore'
} as const

type Keyword = keyof typeof keywords

/** Node type of a marker in the tree given to unified-message-control. */
const markerType = 'copydeskMarker'

/** A marker as unified-message-control reads it: a node with its attributes. */
interface ControlNode extends Node {
  /** `disable spelling`, `enable name-consistency spelling`, `ignore spelling`. */
  attributes?: string
  position: Position
}

/**
 * Turn off the findings that comment markers in the document turn off, and
 * report markers that name an unknown keyword or rule.
 *
 * `<!-- copydesk-disable ids -->` turns the rules off from the marker on,
 * `<!-- copydesk-enable ids -->` turns them on again, and
 * `<!-- copydesk-disable-next-line ids -->` turns them off on one line: the
 * first line after the one the comment ends on that has prose. Without ids a
 * marker applies to every rule. Unknown ids are reported and otherwise left
 * out: a marker whose ids are all unknown does nothing.
 *
 * The range logic is unified-message-control's (as in remark-lint): the
 * markers are given to it as a tree of their own, because the Markdown and
 * HTML trees they come from are gone once the prose is parsed.
 *
 * @param tree The document's prose tree, to find the lines with prose.
 * @param file The document with the rules' findings; changed in place.
 * @param ruleIds Every rule id a marker may name.
 */
export function applyMarkers(tree: Root, file: VFile, ruleIds: readonly string[]): void {
  const markers = file.data.copydeskMarkers ?? []
  if (markers.length === 0) return
  const place = location(file)
  const documentEnd = place.toPoint(String(file.value).length)
  const proseLines = linesWithProse(tree)
  const problems: Array<{reason: string; word: MarkerWord; expected: string[]}> = []
  const ranges: ControlNode[] = []
  const lines: ControlNode[] = []

  for (const marker of markers) {
    const keyword = marker.keyword.value
    if (!isKeyword(keyword)) {
      problems.push(unknown('marker', marker.keyword, Object.keys(keywords)))
      continue
    }
    const known = marker.ruleIds.filter(function (id) {
      if (ruleIds.includes(id.value)) return true
      problems.push(unknown('rule', id, ruleIds, keyword))
      return false
    })
    // "<!-- copydesk-disable speling -->" must not turn off every rule.
    if (marker.ruleIds.length > 0 && known.length === 0) continue
    // Every rule by name rather than a blanket switch: unified-message-control
    // keeps a blanket `disable` over a later `enable spelling`, and the desk
    // means `spelling` to be back on from there.
    const attributes = [keywords[keyword], ...(known.length > 0 ? known.map((id) => id.value) : ruleIds)].join(' ')
    if (keyword === 'copydesk-disable-next-line') {
      const line = proseLines.find((candidate) => candidate > marker.position.end.line)
      const start = line === undefined ? undefined : pointAt(place, line)
      const end = line === undefined ? undefined : (pointAt(place, line + 1) ?? documentEnd)
      // `ignore` turns the rules off from the marker to the end of the node after it: the line.
      if (start && end) {
        lines.push({type: markerType, attributes, position: {start, end: start}}, {type: 'line', position: {start, end}})
      }
    } else {
      ranges.push({type: markerType, attributes, position: marker.position})
    }
  }

  // Two passes: an `ignore` inside a disabled range would turn its rules
  // back on at the end of its line.
  if (documentEnd) {
    controlMessages(file, ranges, documentEnd)
    controlMessages(file, lines, documentEnd)
  }

  for (const {reason, word, expected} of problems) {
    const message = file.message(reason, {place: word.position, ruleId: markerRuleId, source: 'copydesk'})
    message.actual = word.value
    message.expected = expected
    message.url = readmeUrl.replace(/#.*$/, '') + '#suppressing-a-finding'
    setSeverity(message, 'error')
  }
}

/**
 * Let unified-message-control drop the findings that markers turn off.
 *
 * @param file The document with the findings.
 * @param controls Markers (and the lines that `ignore` markers cover).
 * @param end Where the document ends.
 */
function controlMessages(file: VFile, controls: ControlNode[], end: Point): void {
  if (controls.length === 0) return
  // Marks are read back to front, as if made in document order; the sort is
  // stable, so a line stays right after its `ignore` marker.
  controls.sort((a, b) => compare(a.position.start, b.position.start))
  const start = {line: 1, column: 1, offset: 0}
  // unified-message-control drops findings in stretches of the document that
  // no node covers (text a plugin made up); this tree has no such stretch,
  // so it covers the document from its first character to its last.
  const tree = {type: 'root', position: {start, end}, children: [...controls, {type: 'end', position: {start: end, end}}]}
  messageControl(tree, {
    file,
    name: 'copydesk',
    test: markerType,
    marker: (node) => (node.type === markerType ? {name: 'copydesk', attributes: (node as ControlNode).attributes ?? ''} : undefined),
    source: [...new Set(file.messages.flatMap((message) => (message.source ? [message.source] : [])))]
  })
}

/**
 * Describe an unknown keyword or rule id in a marker.
 *
 * @param kind What it should have been.
 * @param word The word as written.
 * @param options What it could have been.
 * @param keyword The marker's keyword, for a rule id.
 * @returns The finding to report.
 */
function unknown(
  kind: 'marker' | 'rule',
  word: MarkerWord,
  options: readonly string[],
  keyword?: string
): {reason: string; word: MarkerWord; expected: string[]} {
  const hint = closest(word.value, options)
  const where = keyword ? ` in \`${keyword}\`` : ''
  const expected = hint ? '`' + hint + '`' : 'one of ' + options.map((option) => '`' + option + '`').join(', ')
  return {reason: `Unexpected unknown ${kind} \`${word.value}\`${where}, expected ${expected}`, word, expected: hint ? [hint] : []}
}

/**
 * The lines on which prose starts: where the prose tree has something other
 * than white space.
 *
 * @param tree The document's prose tree.
 * @returns Line numbers, in order.
 */
function linesWithProse(tree: Root): number[] {
  const lines = new Set<number>()
  eachNode(tree, undefined, function (node) {
    if ('value' in node && node.type !== 'WhiteSpaceNode' && node.position) lines.add(node.position.start.line)
  })
  return [...lines].sort((a, b) => a - b)
}

/**
 * The point (with offset) where a line starts.
 *
 * @param place Location index of the document.
 * @param line Line number.
 * @returns The point, if the document has that line.
 */
function pointAt(place: ReturnType<typeof location>, line: number): Point | undefined {
  return place.toPoint(place.toOffset({line, column: 1}))
}

/**
 * Order two points.
 *
 * @param a One point.
 * @param b Another.
 * @returns Negative when `a` comes first.
 */
function compare(a: Point, b: Point): number {
  return a.line - b.line || a.column - b.column
}

/**
 * Whether a marker's first word is a keyword copydesk knows.
 *
 * @param value The word.
 * @returns Whether it is `copydesk-disable`, `copydesk-enable` or `copydesk-disable-next-line`.
 */
function isKeyword(value: string): value is Keyword {
  return Object.hasOwn(keywords, value)
}
