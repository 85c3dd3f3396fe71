#!/usr/bin/env node
// Entry point of the `copydesk-language-server` command, which editors
// start (`copydesk-language-server --stdio`) to lint the story being
// written. The server is compiled and bundled into one script,
// dist/copydesk-language-server.cjs (see scripts/bundle.js), like the CLI.
// CommonJS, as bin/copydesk.js is (see bin/package.json).
'use strict'
const fs = require('node:fs')
const path = require('node:path')
const process = require('node:process')

const script = path.join(__dirname, '..', 'dist', 'copydesk-language-server.cjs')
if (!fs.existsSync(script)) {
  process.stderr.write('copydesk-language-server: not built yet: run `npm install` (or `npm run build`) in the copydesk folder\n')
  process.exit(2)
}
const status = require(script).main(process.argv.slice(2))
if (status !== undefined) process.exitCode = status
