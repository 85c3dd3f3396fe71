// Test only: the built CLI as an ES module (the bin runs the CommonJS bundle,
// which module hooks cannot reach), so that its worker threads load the
// built modules that register.mjs swaps.
import process from 'node:process'
import {main} from '../../dist/src/cli/cli.js'

process.exitCode = await main(process.argv.slice(2), {
  cwd: process.cwd(),
  env: process.env,
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr
})
