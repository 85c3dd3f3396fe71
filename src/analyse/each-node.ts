import type {Node} from 'unist'

/**
 * Call a function on every node of a type (or every node) in a tree, in
 * document order, the parent before its children (which are read after the
 * call, so a call may replace them, as unist-util-visit allows).
 *
 * unist-util-visit does more for each node than copydesk's own walks need:
 * it names a function per node for stack traces and copies the list of
 * ancestors, which made tree walking the largest cost of a run of many
 * stories. Rules and steps that only need the nodes walk with this.
 *
 * @param tree The tree.
 * @param type The node type to call on; `undefined` for every node.
 * @param call The function.
 */
export function eachNode<T extends Node>(tree: Node, type: T['type'] | undefined, call: (node: T) => void): void {
  if (type === undefined || tree.type === type) call(tree as T)
  const children = (tree as {children?: unknown}).children
  if (!Array.isArray(children)) return
  for (const child of children as Node[]) eachNode(child, type, call)
}
