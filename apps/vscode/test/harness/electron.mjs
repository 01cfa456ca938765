// Run the same suite with @vscode/test-electron: in the VS Code given by
// VSCODE_EXECUTABLE, or (FOLLOWTHROUGH_VSCODE_DOWNLOAD=1) one it downloads.
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

/**
 * @returns the parsed results file; throws when VS Code fails or writes none.
 */
export async function runWithElectron({ executable, workspace, trusted, extensionPath, testsPath, tmp, env }) {
  const { runTests } = await import('@vscode/test-electron')
  const options = {
    extensionDevelopmentPath: extensionPath,
    extensionTestsPath: testsPath,
    extensionTestsEnv: env,
    launchArgs: [
      workspace,
      '--disable-extensions',
      '--skip-welcome',
      '--skip-release-notes',
      '--user-data-dir',
      join(tmp, 'user-data'),
      '--extensions-dir',
      join(tmp, 'extensions'),
      ...(trusted ? ['--disable-workspace-trust'] : [])
    ]
  }
  if (executable) options.vscodeExecutablePath = executable
  else options.version = process.env.FOLLOWTHROUGH_VSCODE_VERSION ?? '1.100.3'
  const code = await runTests(options).catch((error) => {
    // runTests rejects when VS Code exits nonzero (failing tests): the results file says more.
    if (existsSync(env.FOLLOWTHROUGH_TEST_RESULTS)) return 1
    throw error
  })
  if (!existsSync(env.FOLLOWTHROUGH_TEST_RESULTS)) throw new Error(`VS Code exited with ${code} and wrote no results`)
  return JSON.parse(readFileSync(env.FOLLOWTHROUGH_TEST_RESULTS, 'utf8'))
}
