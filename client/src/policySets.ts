import { Uri, window, workspace } from 'vscode';
import type { CoverageChangedParams, ScopeParams } from '../../server/src/protocol/customMessages';
import { isInside } from '../../server/src/shared/paths';

/**
 * The policy sets the server announced (clausewise/coverageChanged: one per config folder), and which
 * one the views and the status bar show: the set of the active editor's file, else the first folder's.
 */
export class PolicySets {
  private readonly roots = new Map<string, CoverageChangedParams>();

  /** Records a set's latest totals. */
  update(params: CoverageChangedParams): void {
    this.roots.set(Uri.parse(params.uri).fsPath, params);
  }

  /** Forgets every set (the server restarted and will announce them again). */
  clear(): void {
    this.roots.clear();
  }

  /** The scope of the custom requests: the folder of the policy set in view. */
  scope(): ScopeParams {
    const root = this.rootInView();
    if (root) return { uri: Uri.file(root).toString() };
    const folder = workspace.workspaceFolders?.[0];
    return folder ? { uri: folder.uri.toString() } : {};
  }

  private rootInView(): string | undefined {
    const active = window.activeTextEditor?.document.uri;
    const roots = [...this.roots.keys()].sort((a, b) => b.length - a.length);
    const forActive = active?.scheme === 'file' ? roots.find((root) => isInside(active.fsPath, root)) : undefined;
    if (forActive) return forActive;
    const first = workspace.workspaceFolders?.[0]?.uri.fsPath;
    return roots.find((root) => root === first) ?? roots.find((root) => first !== undefined && isInside(root, first)) ?? roots.at(-1);
  }
}
