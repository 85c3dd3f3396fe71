import type {DefaultTreeAdapterMap} from 'parse5'

/**
 * How deep a story's markup may nest: elements inside elements in HTML;
 * block quotes, lists, list items, emphasis and links inside each other
 * in Markdown (a list level is two: the list and its item). Each parser
 * walks its tree by recursion (hast-util-from-parse5, hast-util-to-nlcst,
 * the Markdown converter), and a worker thread has a larger stack than the
 * main thread: without a limit of its own, a page nested 1,800 deep
 * overflowed the main thread's stack and passed in a worker, so a run's
 * results hung on `--jobs`. At this depth every walk has half its stack
 * or more to spare on Node's main thread; no story nests near it (browsers
 * stop nesting HTML at 512), and 500 levels of Markdown lists still fit.
 */
export const maxNestingDepth = 1024

/**
 * A story whose markup nests deeper than `maxNestingDepth`: thrown before
 * any recursive walk of its tree, the same in every thread.
 */
export class NestedTooDeep extends Error {
  /** Offset, in the source parsed, of the first node deeper than the limit. */
  readonly offset: number

  /**
   * @param offset Offset of the first node deeper than the limit.
   */
  constructor(offset: number) {
    super(`nested more than ${maxNestingDepth.toLocaleString('en-US')} levels deep`)
    this.name = 'NestedTooDeep'
    this.offset = offset
  }
}

/** A parse5 node: what `parse` and `parseFragment` give. */
type Parse5Node = DefaultTreeAdapterMap['node']

/**
 * Check how deep a parse5 tree nests, without recursion, before
 * hast-util-from-parse5 walks it by recursion.
 *
 * @param tree The document or fragment parse5 made.
 * @throws {NestedTooDeep} When an element is deeper than `maxNestingDepth`.
 */
export function checkParse5Depth(tree: Parse5Node): void {
  const stack: Array<[Parse5Node, number]> = [[tree, 0]]
  for (let next = stack.pop(); next; next = stack.pop()) {
    const [node, depth] = next
    if (depth > maxNestingDepth) throw new NestedTooDeep(node.sourceCodeLocation?.startOffset ?? 0)
    // A `<template>`'s content hangs off it, not among its children.
    if ('content' in node) stack.push([node.content, depth + 1])
    // Last child first, so that the first node too deep in document order is the one named.
    if ('childNodes' in node) for (let index = node.childNodes.length - 1; index >= 0; index--) stack.push([node.childNodes[index]!, depth + 1])
  }
}
