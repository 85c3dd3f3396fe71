import {createConnection, ProposedFeatures} from 'vscode-languageserver/node'
import {packageInfo} from '../package-info.js'
import {startServer} from './server.js'

/** What `copydesk-language-server --help` prints. */
const usage = `Usage: copydesk-language-server --stdio

The copydesk language server: diagnostics and quick fixes for news copy in
Markdown, HTML and plain text, for any editor with a Language Server Protocol
client. The editor starts it and speaks to it over standard input and output.

Options:
  --stdio     speak LSP over standard input and output (what editors use)
  --version   print the version
  --help      print this help
`

/**
 * Start the language server, as `bin/copydesk-language-server.js` does.
 * The transports vscode-languageserver reads from the arguments (`--stdio`,
 * `--node-ipc`, `--socket=N`, `--pipe=NAME`) are taken; without one, the
 * server says how to start it, as a process started by hand should.
 *
 * @param argv The arguments after the program's name.
 * @returns The exit status when the server is not started; `undefined` while it runs.
 */
export function main(argv: readonly string[]): number | undefined {
  if (argv.includes('--version')) {
    process.stdout.write(packageInfo().version + '\n')
    return 0
  }
  const transport = argv.some((argument) => /^--(?:stdio|node-ipc|socket=|pipe=)/.test(argument))
  if (argv.includes('--help') || !transport) {
    ;(argv.includes('--help') ? process.stdout : process.stderr).write(usage)
    return argv.includes('--help') ? 0 : 2
  }
  const connection = createConnection(ProposedFeatures.all)
  // An editor's server must outlive any one failure: one left unhandled is
  // logged to the client, never the end of the process.
  process.on('unhandledRejection', (reason) => connection.console.error('copydesk: ' + describe(reason)))
  process.on('uncaughtException', (error) => connection.console.error('copydesk: ' + describe(error)))
  startServer(connection)
  connection.listen()
  return undefined
}

/**
 * Words for a failure, with its stack when it has one.
 *
 * @param failure Anything thrown.
 * @returns Its description.
 */
function describe(failure: unknown): string {
  return failure instanceof Error ? (failure.stack ?? failure.message) : String(failure)
}
