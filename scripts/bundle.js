// Bundle the compiled CLI (dist/src/cli/cli.js) and everything it imports into
// one CommonJS file, dist/copydesk.cjs, which bin/copydesk.js loads; and the
// language server likewise, dist/copydesk-language-server.cjs.
//
// Why: loading the CLI's 300-odd ES modules one by one cost more CPU than
// plain retext-spell's whole run on a story. One file loads in a third of
// that, and as a CommonJS script it can be compiled with a V8 code cache
// (see bin/copydesk.js), which Node 20 offers for scripts but not modules.
import fs from 'node:fs/promises'
import path from 'node:path'
import * as esbuild from 'esbuild'
import ts from 'typescript'

// esbuild takes Node 20 to lack regular expressions with `\p{…}` and
// rewrites each such literal as `new RegExp(…)`, built again on every call
// (37 of them, several in per-word code). Node 20 has them: keep literals.
const supported = {'regexp-unicode-property-escapes': true}

// Two repairs to vfile-reporter, for reports with very many findings.
// It measures each cell of the pretty report twice with
// string-width, slowly (13 s for a story with 100,000 findings): its
// import gets string-width behind the ASCII fast path of
// src/report/fast-width.ts. The wrapper imports string-width from
// vfile-reporter's own folder, so it gets the version vfile-reporter uses.
const reporterRepairs = {
  name: 'vfile-reporter-repairs',
  setup(build) {
    build.onResolve({filter: /^string-width$/}, function (args) {
      if (args.namespace === 'fast-width' || !/[\\/]vfile-reporter[\\/]/.test(args.importer)) return undefined
      return {path: 'string-width', namespace: 'fast-width', pluginData: {resolveDir: args.resolveDir}}
    })
    // vfile-reporter adds a file's rows with `rows.push(...messageRows)`: one
    // argument per finding, past V8's limit (a RangeError) at some 120,000
    // findings in one file. Added one by one instead; the build fails if
    // a new vfile-reporter no longer has the line.
    build.onLoad({filter: /[\\/]vfile-reporter[\\/]lib[\\/]index\.js$/}, async function (args) {
      const spread = 'if (messageRows.length > 0) rows.push(...messageRows)'
      const source = await fs.readFile(args.path, 'utf8')
      if (!source.includes(spread)) throw new Error(`${args.path}: expected \`${spread}\` to replace`)
      return {contents: source.replace(spread, 'for (const row of messageRows) rows.push(row)'), loader: 'js'}
    })
    build.onLoad({filter: /.*/, namespace: 'fast-width'}, function (args) {
      const wrapper = JSON.stringify(path.resolve('dist/src/report/fast-width.js'))
      return {
        contents: `import measure from 'string-width'\nimport {withAsciiFastPath} from ${wrapper}\nexport default withAsciiFastPath(measure)\n`,
        resolveDir: args.pluginData.resolveDir
      }
    })
  }
}

/** What both bundles are built with. */
const common = {
  plugins: [reporterRepairs],
  // tinypool starts its threads from its own entry/worker.js, found beside its
  // module: bundled, it would look for it beside this bundle. src/threads/parallel.ts
  // imports it only when a run uses workers.
  external: ['tinypool'],
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  supported,
  logLevel: 'warning',
  // A hook pays for every byte of the script on every commit: V8 holds its
  // source in memory, and this machine's kind pays for each fresh page it
  // touches. Without comments and blank space the script is much smaller.
  // Names are kept, so stack traces still read.
  minifyWhitespace: true,
  minifySyntax: true,
  // The code finds its data files from its own URL: give CommonJS one.
  define: {'import.meta.url': 'importMetaUrl'}
}

await esbuild.build({
  ...common,
  entryPoints: ['dist/src/cli/cli.js'],
  outfile: 'dist/copydesk.cjs',
  // The script is the function Node's `require` would wrap it in, so that
  // bin/copydesk.js compiles the file's text as it is: wrapping it there
  // made a second copy of the whole source.
  banner: {js: "(function (exports, require, module, __filename, __dirname) {const importMetaUrl = require('node:url').pathToFileURL(__filename).href;"},
  footer: {js: '\n})'}
})
await writeAsciiOnly('dist/copydesk.cjs')
await shareBuiltinNamespaces('dist/copydesk.cjs')

// The language server (src/language-server/main.ts), which
// bin/copydesk-language-server.js requires: bundled for the same reason as
// the CLI (an editor starts it when a story is opened). A plain CommonJS
// script: it starts once per editor session, so it goes without the CLI's
// code cache and wrapper.
await esbuild.build({
  ...common,
  entryPoints: ['dist/src/language-server/main.js'],
  outfile: 'dist/copydesk-language-server.cjs',
  banner: {js: "const importMetaUrl = require('node:url').pathToFileURL(__filename).href;"}
})
await writeAsciiOnly('dist/copydesk-language-server.cjs')

// The lint worker (src/threads/lint-worker.ts), bundled beside the CLI for the same
// reason: every worker of a large run loads it. An ES module, since tinypool
// imports it; the bundled CommonJS packages get a `require`.
await esbuild.build({
  entryPoints: ['dist/src/threads/lint-worker.js'],
  outfile: 'dist/lint-worker.js',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  supported,
  logLevel: 'warning',
  // Each worker holds the script's source as the CLI does (see above).
  minifyWhitespace: true,
  minifySyntax: true,
  banner: {js: "import {createRequire as bundleRequire} from 'node:module'; const require = bundleRequire(import.meta.url);"}
})
await writeAsciiOnly('dist/lint-worker.js')

/**
 * Write a script's regular expression literals in ASCII (`/’/g` as
 * `/\u2019/g`), so that the whole script is: V8 keeps a source with any
 * character past Latin-1 at two bytes a character, twice the memory for
 * the bundle's text. esbuild escapes every other string it writes, but
 * not regular expressions, whose `source` would change (nothing in
 * copydesk reads it but to build another expression, which matches the
 * same). A character that stays (in a tagged template, whose raw text an
 * escape would change) is reported, not rewritten.
 *
 * @param {string} file The bundled script.
 */
async function writeAsciiOnly(file) {
  const text = await fs.readFile(file, 'utf8')
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, ts.ScriptKind.JS)
  const literals = []
  ;(function visit(node) {
    if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) literals.push(node)
    else ts.forEachChild(node, visit)
  })(source)
  let ascii = ''
  let end = 0
  for (const literal of literals) {
    const start = literal.getStart(source)
    ascii += text.slice(end, start) + escapeNonAscii(text.slice(start, literal.end))
    end = literal.end
  }
  ascii += text.slice(end)
  const left = ascii.match(/[^\0-\x7f]/g)
  if (left) console.warn(`${file}: ${left.length} characters past ASCII left in the script (it loads slower)`)
  await fs.writeFile(file, ascii)
}

/**
 * Escape the characters past ASCII in a regular expression literal, one
 * UTF-16 unit at a time (a surrogate pair escaped is one character under
 * the `u` flag, as written). One already escaped (`\’`, allowed
 * without the `u` flag) means itself, so its backslash goes.
 *
 * @param {string} literal The literal.
 * @returns {string} The literal in ASCII.
 */
function escapeNonAscii(literal) {
  return literal.replace(/(\\*)([^\0-\x7f])/g, function (_, slashes, unit) {
    return slashes.slice(slashes.length % 2) + '\\u' + unit.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')
  })
}

/**
 * Give every import of a Node built-in module one namespace object.
 *
 * esbuild turns each `import fs from 'node:fs'` of the bundled modules into
 * `__toESM(require("node:fs"))`, which copies every export of the module
 * onto a new object as a getter: some 80 imports of `node:path`, `node:fs`
 * and the like, each copied afresh while the script starts, cost a hook run
 * more than loading the modules themselves. A built-in module is complete
 * when required, so the copy made for its first import serves them all.
 *
 * @param {string} file The bundled script.
 */
async function shareBuiltinNamespaces(file) {
  const text = await fs.readFile(file, 'utf8')
  const shared =
    'var __builtinNamespaces=new Map,__toESMBuiltin=(mod,isNodeMode)=>{' +
    'let made=__builtinNamespaces.get(mod);made||__builtinNamespaces.set(mod,made=[]);' +
    'return made[isNodeMode?1:0]??=__toESM(mod,isNodeMode)};'
  const start = text.indexOf('\n') + 1
  const body = text.slice(start).replaceAll('__toESM(require("node:', '__toESMBuiltin(require("node:')
  await fs.writeFile(file, text.slice(0, start) + shared + body)
}
