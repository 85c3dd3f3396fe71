// Module hooks for register.mjs: the built `prose/markdown.js`, with a parser that throws in worker threads.
export async function load(url, context, nextLoad) {
  if (!url.endsWith('/dist/src/parse/markdown.js')) return nextLoad(url, context)
  const original = JSON.stringify(url + '?original')
  const source = `
    import {isMainThread} from 'node:worker_threads'
    import * as original from ${original}
    export * from ${original}
    export function parseMarkdown(doc, ...rest) {
      if (!isMainThread && doc.includes('Parsetown')) throw new RangeError('Invalid array length')
      return original.parseMarkdown(doc, ...rest)
    }
  `
  return {format: 'module', source, shortCircuit: true}
}
