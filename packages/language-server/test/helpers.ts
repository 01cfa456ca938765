import type { ChildProcess } from 'node:child_process'
import { rmSync } from 'node:fs'
import type { MessageConnection } from 'vscode-jsonrpc/node'
import type { Diagnostic } from 'vscode-languageserver-protocol'
import { assert } from 'vitest'

/** The item at `index` of `items`; fails the test, naming `what`, where there is none. */
export function at<T>(items: readonly T[], index: number, what: string): T {
  const item = items[index]
  assert(item !== undefined, `Expected ${what} at ${index}, found none`)
  return item
}

/** A diagnostic's message as text (LSP 3.18 lets it be Markdown too). */
export function messageText(diagnostic: Diagnostic): string {
  return typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value
}

/** What a suite's `beforeAll` started: any of them is missing when it failed before starting it. */
export interface Started {
  folder?: string | undefined
  child?: ChildProcess | undefined
  connection?: MessageConnection | undefined
}

/**
 * Stop what a suite started, as far as its `beforeAll` got: with `shutdown`,
 * first ask a server that still runs to shut down and exit as an editor does;
 * then drop the connection, kill the server if it still runs and remove the
 * temporary folder.
 */
export async function stopAll({ folder, child, connection }: Started, { shutdown = false } = {}): Promise<void> {
  if (shutdown && connection && child?.exitCode === null) {
    await connection.sendRequest('shutdown').catch(() => undefined)
    await connection.sendNotification('exit').catch(() => undefined)
  }
  connection?.dispose()
  if (child && child.exitCode === null) child.kill()
  if (folder) rmSync(folder, { recursive: true, force: true })
}

/** Promises of a value yet to come: each resolves when a value offered passes its test. Rejects only after a generous hang guard, never as a time bound. */
export class Waiters<T> {
  private waiting: Array<{ test: (value: T) => boolean; resolve: (value: T) => void }> = []

  /** Offer a value to every promise waiting; those whose test it passes resolve with it. */
  offer(value: T): void {
    this.waiting = this.waiting.filter((waiter) => {
      if (!waiter.test(value)) return true
      waiter.resolve(value)
      return false
    })
  }

  /** The first value offered from now on that passes `test`; `failure` names what never came. */
  wait(test: (value: T) => boolean, failure: string): Promise<T> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        reject(new Error(failure))
      }, 120_000)
      this.waiting.push({
        test,
        resolve: (value) => {
          clearTimeout(timer)
          resolve(value)
        }
      })
    })
  }
}
