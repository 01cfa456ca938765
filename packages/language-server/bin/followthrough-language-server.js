#!/usr/bin/env node
// The bundled server: one file, so an editor starts it without resolving hundreds of modules.
import { main } from '../dist/server.js'

main(process.argv.slice(2))
