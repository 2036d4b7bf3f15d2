import { workspace, type Disposable, type TextDocument } from 'vscode';
import { anyPolicyFile, hasPolicyFrontmatter } from './policyProbe';

const CONFIG_GLOB = '**/.clausewise.{yaml,yml,json}';
const MARKDOWN_GLOB = '**/*.{md,markdown}';
const SKIPPED = '**/{node_modules,.git}/**';
/** Markdown files read when looking for a policy document (only their first bytes). */
const FILES_TO_PROBE = 200;

/**
 * Whether the workspace holds a policy set: a Clausewise config, or a Markdown file whose frontmatter
 * has `clauses` or `excludes` (the server's own rule for a policy document without a config). This
 * only decides whether to start the server; every finding comes from the server.
 */
export async function hasPolicySet(): Promise<boolean> {
  if ((await workspace.findFiles(CONFIG_GLOB, SKIPPED, 1)).length > 0) return true;
  if (workspace.textDocuments.some(isPolicyDocument)) return true;
  return anyPolicyFile(await workspace.findFiles(MARKDOWN_GLOB, SKIPPED, FILES_TO_PROBE), workspace.fs);
}

/** Calls `start` once, as soon as a config is created or a policy document is opened. */
export function whenPolicySetAppears(start: () => void): Disposable {
  const watcher = workspace.createFileSystemWatcher(CONFIG_GLOB, false, true, true);
  const disposables: Disposable[] = [watcher];
  const once = () => {
    disposables.forEach((disposable) => disposable.dispose());
    start();
  };
  disposables.push(
    watcher.onDidCreate(once),
    workspace.onDidOpenTextDocument((document) => isPolicyDocument(document) && once()),
    workspace.onDidSaveTextDocument((document) => isPolicyDocument(document) && once()),
  );
  return { dispose: () => disposables.forEach((disposable) => disposable.dispose()) };
}

function isPolicyDocument(document: TextDocument): boolean {
  return document.uri.scheme === 'file' && document.languageId === 'markdown' && hasPolicyFrontmatter(document.getText().slice(0, 8192));
}
