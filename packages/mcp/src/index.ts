/**
 * A read-only Model Context Protocol server over a Followthrough workspace:
 * `followthrough mcp` serves it over stdio; {@link createMcpServer} gives it for
 * any transport.
 */
export { createMcpServer, type ActionView } from './server.js'
export { serveStdio } from './stdio.js'
export { minutesUri, registerUri } from './resources.js'
export { ToolInputError, type McpServerOptions } from './snapshot.js'
export { version } from './version.js'
