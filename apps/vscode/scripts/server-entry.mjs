// The entry of dist/server.cjs: the Followthrough language server as its bin starts it
// (the language client passes --stdio).
import { main } from '@followthrough/language-server'

main(process.argv.slice(2))
