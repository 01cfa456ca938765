import { defineConfig } from 'tsup'
import { library } from '../../tsup.shared.js'

// custom-protocol: the requests' names and shapes, with no runtime imports, for thin clients.
export default defineConfig(library(['src/index.ts', 'src/custom-protocol.ts'], 'node'))
