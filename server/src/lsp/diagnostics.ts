import type { Connection, Diagnostic } from 'vscode-languageserver';
import type { WorkspaceDocument } from '../workspace/policyWorkspace';
import { toDiagnostic } from './conversion';

/**
 * Pushes each document's findings as diagnostics, only when they differ from what the client
 * was last sent, so an edit that changes nothing publishes nothing.
 */
export class DiagnosticsPublisher {
  private readonly published = new Map<string, { uri: string; json: string }>();

  constructor(private readonly connection: Connection) {}

  /** Publishes a document's diagnostics if they changed; `version` is the editor version they were computed for. */
  publish(entry: WorkspaceDocument, uri: string, version?: number): void {
    this.send(entry.path, uri, entry.findings.map((finding) => toDiagnostic(entry.shell, finding)), version);
  }

  /** Removes a document's diagnostics (deleted, excluded, or under a config that cannot be used). */
  clear(path: string): void {
    const previous = this.published.get(path);
    if (previous) this.send(path, previous.uri, []);
  }

  /** Clears every document not in `paths` (after the whole workspace was checked again). */
  retainOnly(paths: Set<string>): void {
    for (const path of [...this.published.keys()]) if (!paths.has(path)) this.clear(path);
  }

  /** Publishes diagnostics that do not come from findings (a config file's problems). */
  send(path: string, uri: string, diagnostics: Diagnostic[], version?: number): void {
    const json = JSON.stringify(diagnostics);
    const previous = this.published.get(path);
    if ((previous?.json ?? '[]') === json && (previous === undefined || previous.uri === uri)) return;
    if (diagnostics.length === 0) this.published.delete(path);
    else this.published.set(path, { uri, json });
    void this.connection.sendDiagnostics({ uri, version, diagnostics });
  }
}
