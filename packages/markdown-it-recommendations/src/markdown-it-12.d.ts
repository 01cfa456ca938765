/** markdown-it 12, the version VS Code's Markdown preview bundles (1.100), under an npm alias for the tests. */
declare module 'markdown-it-12' {
  import type MarkdownIt from 'markdown-it'
  const markdownIt: typeof MarkdownIt
  export default markdownIt
}
