import { locateRegister, type Config, type Register, type RegisterLocations } from '@followthrough/core'
import { applySeverities, compareFindings, loadRegisters, loadWorkspace, type FileSystem, type Workspace } from '@followthrough/engine'

/** One register of the folder, as minutes are checked against it. */
export interface RegisterEntry {
  path: string
  /** The register: the file's, or its last good version while the file does not validate; none when neither exists. */
  register?: Register
  /** Whether `register` is that last good version (the file has errors now). */
  stale: boolean
  /** Where its ids are written (empty when the file cannot be read). */
  locations: RegisterLocations
}

/** A folder's config and registers as the editor checks against them. */
export interface LastGoodWorkspace {
  /**
   * The engine's workspace, with the last good config and registers standing
   * in for broken ones: `context.registers` is what minutes are checked against.
   */
  workspace: Workspace
  /** Every register file the config names, in its order. */
  registers: RegisterEntry[]
}

/**
 * Loads a folder's config and registers as often as they change, keeping the
 * last version of each that validated. While a register is being typed, the
 * minutes keep being checked against its last good version (marked `stale`)
 * instead of losing every reference at the first syntax error; while the
 * config is being fixed, the last config that worked stays in force. A
 * register that is deleted is let go.
 */
export class LastGoodLoader {
  /** The last version of each register file that validated, by path. */
  private readonly registers = new Map<string, Register>()
  /** The last config without errors, once there was one. */
  private config: Config | undefined
  /** Where each register's ids are, for the text they were found in. */
  private readonly locations = new Map<string, { text: string; locations: RegisterLocations }>()

  constructor(
    private readonly fs: FileSystem,
    /** The folder's path. */
    private readonly root: string
  ) {}

  /** Load the config and registers from the file system (open documents laid over the disk). */
  async load(): Promise<LastGoodWorkspace> {
    let workspace = await loadWorkspace(this.fs, this.root)
    const configBroken = workspace.config.findings.some((finding) => finding.severity === 'error')
    if (!configBroken) {
      this.config = workspace.config.config
    } else if (this.config) {
      // While the config is being fixed, keep checking with the last one that worked.
      const config = { ...workspace.config, config: this.config }
      const registers = await loadRegisters(this.fs, config)
      workspace = {
        ...workspace,
        config,
        registers,
        findings: [
          ...workspace.findings,
          ...applySeverities(
            registers.flatMap((entry) => entry.findings),
            this.config.rules
          )
        ].sort(compareFindings)
      }
    }
    const entries: RegisterEntry[] = []
    for (const loaded of workspace.registers) {
      let register = loaded.register
      let stale = false
      if (register) {
        this.registers.set(loaded.path, register)
      } else if (loaded.text !== undefined && this.registers.has(loaded.path)) {
        // A register being typed: minutes keep the last version that validated.
        register = this.registers.get(loaded.path)
        stale = true
      } else {
        this.registers.delete(loaded.path)
      }
      const entry: RegisterEntry = { path: loaded.path, stale, locations: this.locate(loaded.path, loaded.text ?? '') }
      if (register) entry.register = register
      entries.push(entry)
    }
    const registers = entries.flatMap((entry) => (entry.register ? [entry.register] : []))
    return { workspace: { ...workspace, context: { registers, config: workspace.config.config, root: workspace.config.root } }, registers: entries }
  }

  /** Where a register's ids are written, found once per text. */
  private locate(path: string, text: string): RegisterLocations {
    const cached = this.locations.get(path)
    if (cached?.text === text) return cached.locations
    const locations = locateRegister(text)
    this.locations.set(path, { text, locations })
    return locations
  }
}
