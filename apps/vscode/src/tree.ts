/**
 * The Recommendations view: registers, then recommendations grouped by status,
 * by owner or by the assurance of their status, each with its status icon, due date (overdue marked) and when
 * it was last discussed, as the language server groups and words them.
 * Selecting one opens its register entry.
 */
import * as vscode from 'vscode'
import type { GroupView, RegisterView } from '@followthrough/language-service/custom-protocol'
import { statusIcons } from './format.js'
import type { Perf } from './perf.js'
import type { ServerApi } from './server-api.js'
import type { ViewsData } from './views-data.js'

export type GroupBy = 'status' | 'owner' | 'assurance'

/** Every way the view groups, in the order its toolbar button cycles through them. */
export const groupings: readonly GroupBy[] = ['status', 'owner', 'assurance']

export type TreeNode =
  | { kind: 'register'; register: RegisterView }
  | { kind: 'group'; register: RegisterView; group: GroupView }
  | { kind: 'recommendation'; register: RegisterView; id: string; parent: string }

/** What a test reads off the tree: one line per item, children indented. */
export interface TreeSnapshotItem {
  label: string
  description?: string | undefined
  icon?: string | undefined
  contextValue?: string | undefined
  children?: TreeSnapshotItem[]
}

/** Icons of the assurance groups: a claim, a piece of evidence, an independent check, nothing recorded. */
const assuranceIcons = { claimed: 'comment', evidenced: 'file-text', verified: 'verified', 'not-recorded': 'circle-outline' } as const

export class RecommendationsTree implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<TreeNode | undefined>()
  readonly onDidChangeTreeData = this.emitter.event
  private readonly subscription: vscode.Disposable

  constructor(
    private readonly views: ViewsData,
    private readonly api: ServerApi,
    private readonly perf: Perf,
    private groupByValue: GroupBy
  ) {
    this.subscription = views.onDidChange(() => {
      this.emitter.fire(undefined)
    })
  }

  get groupBy(): GroupBy {
    return this.groupByValue
  }

  set groupBy(value: GroupBy) {
    this.groupByValue = value
    this.emitter.fire(undefined)
  }

  getChildren(node?: TreeNode): TreeNode[] {
    return this.perf.time('tree', () => {
      if (node === undefined) return this.views.registers.map((register): TreeNode => ({ kind: 'register', register }))
      if (node.kind === 'register') return node.register.groups[this.groupByValue].map((group): TreeNode => ({ kind: 'group', register: node.register, group }))
      if (node.kind === 'group') return node.group.ids.map((id): TreeNode => ({ kind: 'recommendation', register: node.register, id, parent: node.group.key }))
      return []
    })
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    return this.perf.time('tree', () => this.item(node))
  }

  private item(node: TreeNode): vscode.TreeItem {
    const { register } = node
    if (node.kind === 'register') {
      const uri = this.api.uri(register.uri)
      const item = new vscode.TreeItem(register.title, vscode.TreeItemCollapsibleState.Expanded)
      item.id = register.uri
      const folder = (vscode.workspace.workspaceFolders?.length ?? 0) > 1 ? vscode.workspace.getWorkspaceFolder(uri)?.name : undefined
      item.description = `${register.progress.implemented}/${register.progress.total} implemented${folder !== undefined ? ` · ${folder}` : ''}${register.stale ? ' · last valid version' : ''}`
      item.tooltip = `${register.id}: ${register.title}\n${uri.fsPath}${register.stale ? '\nThe file has errors: this is its last valid version, which the minutes are checked against.' : ''}`
      item.iconPath = new vscode.ThemeIcon('law')
      item.contextValue = 'register'
      item.resourceUri = uri
      item.command = { command: 'vscode.open', title: 'Open register', arguments: [uri] }
      return item
    }
    if (node.kind === 'group') {
      const item = new vscode.TreeItem(node.group.label, vscode.TreeItemCollapsibleState.Expanded)
      item.id = `${register.uri}#${node.group.key}`
      item.description = String(node.group.ids.length)
      item.contextValue = 'group'
      const status = node.group.status
      if (status !== undefined) {
        const style = statusIcons[status]
        item.iconPath = new vscode.ThemeIcon(style.icon, new vscode.ThemeColor(style.color))
      } else if (node.group.key.startsWith('assurance:')) {
        item.iconPath = new vscode.ThemeIcon(assuranceIcons[node.group.assurance ?? 'not-recorded'])
      } else {
        item.iconPath = new vscode.ThemeIcon('person')
      }
      return item
    }
    const recommendation = register.recommendations.find((entry) => entry.id === node.id)
    const item = new vscode.TreeItem(`${node.id} ${recommendation?.title ?? ''}`, vscode.TreeItemCollapsibleState.None)
    item.id = `${register.uri}#${node.parent}#${node.id}`
    if (recommendation) {
      item.description = recommendation.description
      item.tooltip = new vscode.MarkdownString(recommendation.tooltip)
      const style = statusIcons[recommendation.status]
      item.iconPath = new vscode.ThemeIcon(recommendation.overdue ? 'warning' : style.icon, new vscode.ThemeColor(recommendation.overdue ? 'list.warningForeground' : style.color))
    }
    item.contextValue = (recommendation?.discussedTimes ?? 0) > 0 ? 'recommendation.discussed' : 'recommendation'
    item.command = { command: 'followthrough.openRecommendation', title: 'Open register entry', arguments: [{ register: register.uri, id: node.id }] }
    return item
  }

  /** The whole tree as plain data (for tests). */
  snapshot(): TreeSnapshotItem[] {
    const walk = (node: TreeNode): TreeSnapshotItem => {
      const item = this.item(node)
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
