import { workspace, type Disposable, type TextDocument } from 'vscode';

const CONFIG_GLOB = '**/.clausewise.{yaml,yml,json}';
const MARKDOWN_GLOB = '**/*.{md,markdown}';
const SKIPPED = '**/{node_modules,.git}/**';

/**
 * Whether to start the server: the workspace has a Clausewise config or any Markdown file. A folder
 * of untagged policies is where a policy set starts ("Adopt this folder…", Suggest Clauses), so the
 * server runs before any document claims a control. Only file names are listed; nothing is read.
 */
export async function hasMarkdown(): Promise<boolean> {
  if (workspace.textDocuments.some(isMarkdownFile)) return true;
  if ((await workspace.findFiles(CONFIG_GLOB, SKIPPED, 1)).length > 0) return true;
  return (await workspace.findFiles(MARKDOWN_GLOB, SKIPPED, 1)).length > 0;
}

/** Calls `start` once, as soon as a config or a Markdown file is created or a Markdown file is opened. */
export function whenMarkdownAppears(start: () => void): Disposable {
  const watchers = [workspace.createFileSystemWatcher(CONFIG_GLOB, false, true, true), workspace.createFileSystemWatcher(MARKDOWN_GLOB, false, true, true)];
  const disposables: Disposable[] = [...watchers];
  const once = () => {
    disposables.forEach((disposable) => disposable.dispose());
    start();
  };
  disposables.push(
    ...watchers.map((watcher) => watcher.onDidCreate(once)),
    workspace.onDidOpenTextDocument((document) => isMarkdownFile(document) && once()),
  );
  return { dispose: () => disposables.forEach((disposable) => disposable.dispose()) };
}

function isMarkdownFile(document: TextDocument): boolean {
  return document.uri.scheme === 'file' && document.languageId === 'markdown';
}
