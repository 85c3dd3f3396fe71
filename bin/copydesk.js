#!/usr/bin/env node
// Entry point of the `copydesk` command. The CLI is compiled and bundled
// into one script, dist/copydesk.cjs (see scripts/bundle.js). This file
// runs it with a V8 code cache: compiling the script is a large part
// of a short run, and a hook runs it on every commit. The cache sits in
// copydesk's cache folder, named by the script's path, size and time, and
// V8 rejects one that does not fit the source or its own version; without
// one (or on a Node 20 older than 20.12, whose vm cannot import from a
// cached script) the script is compiled afresh.
//
// This file is CommonJS (see bin/package.json): started as an ES module,
// Node sets up its module loader for it, which a hook paid for on every
// commit though the CLI itself is one CommonJS script.
'use strict'
const crypto = require('node:crypto')
const fs = require('node:fs')
const {createRequire} = require('node:module')
const os = require('node:os')
const path = require('node:path')
const process = require('node:process')
const v8 = require('node:v8')
const vm = require('node:vm')

/** Exit status after the reader closed the output: that of a process SIGPIPE ended. */
const closedPipeStatus = 141

const script = path.join(__dirname, '..', 'dist', 'copydesk.cjs')

/** What `load` compiled, to cache after the run (when more functions are compiled). */
let compiled

let source
try {
  source = fs.readFileSync(script, 'utf8')
} catch (error) {
  if (error && error.code === 'ENOENT') {
    process.stderr.write('copydesk: not built yet: run `npm install` (or `npm run build`) in the copydesk folder\n')
    process.exit(2)
  }
  throw error
}

const cli = load(script, source)
// A reader that stops early (`copydesk --format json news/ | head -1`)
// closes the pipe, and the next write fails with EPIPE: stop quietly, as
// git and grep do when SIGPIPE ends them, with the status a shell gives
// them (128 + 13). Node ignores SIGPIPE, so without this the failed write
// is an unhandled 'error' event and a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', function (error) {
    if (error.code === 'EPIPE') process.exit(closedPipeStatus)
    if (stream === process.stdout) process.stderr.write(`copydesk: cannot write the report: ${error.message}\n`)
    process.exit(2)
  })
}
// While a program allocates fast, V8 lets its heap grow to up to four times
// what outlived the last full collection. A run over many stories allocates
// fast and keeps little, so its peak memory was several times what it kept
// (the CI case of `npm run bench`). Growing by at most 60% kept the peak
// far lower for a few percent more time. V8 reads this setting at every
// collection, so it applies when set here. It is set after the code cache
// is read, and reset before one is written, since V8 turns down a cache
// made under other flags (set first, every hook run compiled afresh). It
// is the CLI's choice: programs using the library keep their own.
v8.setFlagsFromString('--heap-growing-percent=60')
// The code cache holds the functions compiled when it is written, but in a
// long run V8 drops the bytecode of functions not used for a while, such as
// those of start-up: a cache written after a long run held about half of
// them, and hook runs from it were slower. Kept for the run (and reset with
// the other flag before writing).
v8.setFlagsFromString('--no-flush-bytecode')
cli
  .main(process.argv.slice(2), {
    cwd: process.cwd(),
    env: process.env,
    stdin: process.stdin,
    stdout: process.stdout,
    stderr: process.stderr,
    importModule: (specifier) => import(specifier)
  })
  .then(function (status) {
    saveCodeCache()
    exitOnceWritten(status)
  })

/**
 * End the process with a status once standard output and error have taken
 * everything written to them. Left to end by itself, Node first frees its
 * whole heap, which at the end of a short run costs more than the system
 * takes to reclaim the memory at once. Writes to a pipe are asynchronous
 * on some systems (macOS), so the last write to each stream is awaited. A
 * stream that failed is left to its 'error' listener (a closed pipe ends
 * the process with 141).
 *
 * @param {number} status Exit status.
 */
function exitOnceWritten(status) {
  process.exitCode = status
  let writing = 2
  for (const stream of [process.stdout, process.stderr]) {
    stream.write('', function (error) {
      if (!error && --writing === 0) process.exit(status)
    })
  }
}

/**
 * Run the bundled CLI script and give back its exports. The script is the
 * function `require` would wrap a CommonJS file in, called here as
 * `require` would call it.
 *
 * @param {string} file The script's path.
 * @param {string} text Its source.
 * @returns {{main: Function}} Its exports.
 */
function load(file, text) {
  const module = {exports: {}}
  const run = (wrapper) => wrapper.call(module.exports, module.exports, createRequire(file), module, file, path.dirname(file))
  const dynamicImports = vm.constants?.USE_MAIN_CONTEXT_DEFAULT_LOADER
  if (!dynamicImports) {
    run(vm.runInThisContext(text, {filename: file}))
    return module.exports
  }
  // Named by the script's path, then its size and time rather than a hash of its contents.
  const {size, mtimeMs} = fs.statSync(file)
  const sha1 = (text) => crypto.createHash('sha1').update(text).digest('hex').slice(0, 20)
  const cacheFile = path.join(process.env.COPYDESK_CACHE_DIR || cacheFolder(), `code-${sha1(file)}-${sha1(`${size}\0${mtimeMs}`)}.bin`)
  let cachedData
  try {
    cachedData = fs.readFileSync(cacheFile)
  } catch {}
  const wrapped = new vm.Script(text, {filename: file, cachedData, importModuleDynamically: dynamicImports})
  run(wrapped.runInThisContext())
  compiled = {wrapped, cacheFile, fresh: !cachedData || wrapped.cachedDataRejected}
  return module.exports
}

/**
 * copydesk's cache folder, where src/words/disk-cache.ts keeps its data:
 * the one env-paths gives, worked out here as env-paths does. Importing
 * the package (and the one it imports) through the ES module loader, to
 * resolve and compile them, cost every run more than the code cache's
 * own read.
 *
 * @returns {string} The folder.
 */
function cacheFolder() {
  const home = os.homedir()
  if (process.platform === 'darwin') return path.join(home, 'Library', 'Caches', 'copydesk')
  if (process.platform === 'win32') return path.join(process.env.LOCALAPPDATA || path.join(home, 'AppData', 'Local'), 'copydesk', 'Cache')
  return path.join(process.env.XDG_CACHE_HOME || path.join(home, '.cache'), 'copydesk')
}

/**
 * Write the code cache when there was none (or V8 turned it down): after
 * the run, so it holds every function the run compiled. Written to a
 * temporary file and renamed, so that a hook running beside this one never
 * reads half of it; a cache that cannot be written is only a slower start.
 */
function saveCodeCache() {
  if (!compiled?.fresh) return
  v8.setFlagsFromString('--heap-growing-percent=0')
  v8.setFlagsFromString('--flush-bytecode')
  const temporary = compiled.cacheFile + '.' + process.pid + '.tmp'
  try {
    fs.mkdirSync(path.dirname(compiled.cacheFile), {recursive: true})
    fs.writeFileSync(temporary, compiled.wrapped.createCachedData())
    fs.renameSync(temporary, compiled.cacheFile)
    // The caches of this script's earlier builds are of no more use. Those
    // of a copydesk installed elsewhere are: removing them made two
    // installations (a global one and a project's) remove each other's on
    // every run, and both compile afresh and write a cache every time.
    const folder = path.dirname(compiled.cacheFile)
    const own = path.basename(compiled.cacheFile)
    const script = own.slice(0, own.lastIndexOf('-') + 1)
    for (const name of fs.readdirSync(folder)) {
      if (name !== own && name.startsWith(script) && name.endsWith('.bin')) fs.rmSync(path.join(folder, name), {force: true})
    }
  } catch {
    fs.rmSync(temporary, {force: true})
  }
}
