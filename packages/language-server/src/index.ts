/**
 * @followthrough/language-server: the Followthrough language server (LSP over
 * stdio, Node IPC or a socket) for minutes, registers and configs.
 */
export { main, usage, type MainStreams } from './main.js'
export { foldersOf, startServer, triggerCharacters, watchedFiles, type ServerOptions } from './server.js'
export { DiagnosticsPublisher } from './publisher.js'
export { workerAnalyzer } from './worker-analyzer.js'
