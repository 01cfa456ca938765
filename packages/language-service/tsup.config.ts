import { defineConfig } from 'tsup'

export default defineConfig({
  // custom-protocol: the requests' names and shapes, with no runtime imports, for thin clients.
  entry: ['src/index.ts', 'src/custom-protocol.ts'],
  format: ['esm'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'es2022',
  platform: 'node'
})
