/**
 * The Recommendations view: registers, then recommendations grouped by status
 * or by owner, each with its status icon, due date (overdue marked) and when
 * it was last discussed. Selecting one opens its register entry.
 */
import * as vscode from 'vscode'
import type { Status } from '@followthrough/core'
import { compareIds, statusIcons, statusLabels, statusOrder, treeDescription, treeTooltip } from './format.js'
import type { RegisterState, WorkspaceModel } from './model.js'

export type GroupBy = 'status' | 'owner'

export type TreeNode =
  | { kind: 'register'; state: RegisterState }
  | { kind: 'group'; state: RegisterState; key: string; label: string; ids: string[]; status?: Status }
  | { kind: 'recommendation'; state: RegisterState; id: string; parent: string }

/** What a test reads off the tree: one line per item, children indented. */
export interface TreeSnapshotItem {
  label: string
  description?: string | undefined
  icon?: string | undefined
  contextValue?: string | undefined
  children?: TreeSnapshotItem[]
}

export class RecommendationsTree implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<TreeNode | undefined>()
  readonly onDidChangeTreeData = this.emitter.event
  private readonly subscription: vscode.Disposable

  constructor(
    private readonly model: WorkspaceModel,
    private groupByValue: GroupBy
  ) {
    this.subscription = model.onDidChange(() => this.emitter.fire(undefined))
  }

  get groupBy(): GroupBy {
    return this.groupByValue
  }

  set groupBy(value: GroupBy) {
    this.groupByValue = value
    this.emitter.fire(undefined)
  }

  getChildren(node?: TreeNode): TreeNode[] {
    if (node === undefined) return this.model.registers.map((state) => ({ kind: 'register', state }))
    if (node.kind === 'register') return this.groups(node.state)
    if (node.kind === 'group') return node.ids.map((id) => ({ kind: 'recommendation', state: node.state, id, parent: node.key }))
    return []
  }

  private groups(state: RegisterState): TreeNode[] {
    const groups: TreeNode[] = []
    if (this.groupByValue === 'status') {
      for (const status of statusOrder) {
        const ids = [...state.facts.values()].filter((facts) => facts.status === status).map((facts) => facts.id).sort(compareIds)
        if (ids.length > 0) groups.push({ kind: 'group', state, key: `status:${status}`, label: statusLabels[status], ids, status })
      }
      return groups
    }
    const byOwner = new Map<string, string[]>()
    for (const owner of state.register.owners) byOwner.set(owner.id, [])
    const unowned: string[] = []
    for (const recommendation of state.register.recommendations) {
      const owners = recommendation.owners ?? []
      if (owners.length === 0) unowned.push(recommendation.id)
      for (const owner of owners) {
        const list = byOwner.get(owner) ?? []
        list.push(recommendation.id)
        byOwner.set(owner, list)
      }
    }
    const names = new Map(state.register.owners.map((owner) => [owner.id, owner.name]))
    for (const [owner, ids] of byOwner) {
      if (ids.length > 0) groups.push({ kind: 'group', state, key: `owner:${owner}`, label: names.get(owner) ?? owner, ids: ids.sort(compareIds) })
    }
    if (unowned.length > 0) groups.push({ kind: 'group', state, key: 'owner:', label: 'No owner', ids: unowned.sort(compareIds) })
    return groups
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    if (node.kind === 'register') {
      const { progress, register } = node.state
      const item = new vscode.TreeItem(register.inquiry.title, vscode.TreeItemCollapsibleState.Expanded)
      item.id = `${node.state.uri.toString()}`
      item.description = `${progress.implemented}/${progress.total} implemented${(vscode.workspace.workspaceFolders?.length ?? 0) > 1 ? ` · ${node.state.folder.name}` : ''}`
      item.tooltip = `${register.inquiry.id}: ${register.inquiry.title}\n${node.state.path}`
      item.iconPath = new vscode.ThemeIcon('law')
      item.contextValue = 'register'
      item.resourceUri = node.state.uri
      item.command = { command: 'vscode.open', title: 'Open register', arguments: [node.state.uri] }
      return item
    }
    if (node.kind === 'group') {
      const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.Expanded)
      item.id = `${node.state.uri.toString()}#${node.key}`
      item.description = String(node.ids.length)
      item.contextValue = 'group'
      if (node.status !== undefined) {
        const style = statusIcons[node.status]
        item.iconPath = new vscode.ThemeIcon(style.icon, new vscode.ThemeColor(style.color))
      } else {
        item.iconPath = new vscode.ThemeIcon('person')
      }
      return item
    }
    const facts = node.state.facts.get(node.id)
    const item = new vscode.TreeItem(`${node.id} ${facts?.title ?? ''}`, vscode.TreeItemCollapsibleState.None)
    item.id = `${node.state.uri.toString()}#${node.parent}#${node.id}`
    if (facts) {
      item.description = treeDescription(facts)
      const tooltip = new vscode.MarkdownString(treeTooltip(facts))
      item.tooltip = tooltip
      const style = statusIcons[facts.status]
      item.iconPath = new vscode.ThemeIcon(facts.overdue ? 'warning' : style.icon, new vscode.ThemeColor(facts.overdue ? 'list.warningForeground' : style.color))
    }
    item.contextValue = (node.state.discussions.get(node.id)?.length ?? 0) > 0 ? 'recommendation.discussed' : 'recommendation'
    item.command = { command: 'followthrough.openRecommendation', title: 'Open register entry', arguments: [{ register: node.state.uri.toString(), id: node.id }] }
    return item
  }

  /** The whole tree as plain data (for tests and the output channel). */
  snapshot(): TreeSnapshotItem[] {
    const walk = (node: TreeNode): TreeSnapshotItem => {
      const item = this.getTreeItem(node)
      const label = typeof item.label === 'string' ? item.label : (item.label?.label ?? '')
      const children = this.getChildren(node)
      return {
        label,
        description: typeof item.description === 'string' ? item.description : undefined,
        icon: item.iconPath instanceof vscode.ThemeIcon ? item.iconPath.id : undefined,
        contextValue: item.contextValue,
        ...(children.length > 0 ? { children: children.map(walk) } : {})
      }
    }
    return this.getChildren().map(walk)
  }

  dispose(): void {
    this.subscription.dispose()
    this.emitter.dispose()
  }
}
