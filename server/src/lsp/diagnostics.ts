import { isDeepStrictEqual } from 'node:util';
import type { Connection, Diagnostic } from 'vscode-languageserver';
import type { SessionDocument } from '../engine/session';
import { toDiagnostic, type LineMap } from './conversion';

/** The findings a document's diagnostics were made from, and the line starts of the text they were computed on. */
interface FindingsSource {
  lines: LineMap;
  findings: SessionDocument['findings'];
}

/**
 * What the client was last sent for a file: for a document, the findings it came from (the
 * workspace keeps those anyway, so no second copy of every diagnostic); else the diagnostics.
 */
type Published = { uri: string } & ({ source: FindingsSource } | { diagnostics: Diagnostic[] });

/** The diagnostics the client was last sent, made again from the current source (equal findings on equal line starts give equal diagnostics). */
function sentDiagnostics(published: Published): Diagnostic[] {
  return 'source' in published ? published.source.findings.map((finding) => toDiagnostic(published.source.lines, finding, published.uri)) : published.diagnostics;
}

/**
 * Pushes each document's findings as diagnostics, only when they differ from what the client
 * was last sent, so an edit that changes nothing publishes nothing.
 */
export class DiagnosticsPublisher {
  private readonly published = new Map<string, Published>();
  /** The last diagnostics handed to the connection: the writer sends in order, so all before it are written once it is. */
  private lastSent: Promise<void> = Promise.resolve();

  constructor(private readonly connection: Connection) {}

  /** Publishes a document's diagnostics if they changed; `version` is the editor version they were computed for. */
  publish(entry: SessionDocument, uri: string, version?: number): void {
    const previous = this.published.get(entry.path);
    const { treeless, findings } = entry;
    const source = { lines: treeless, findings };
    // Positions depend on the line starts alone: equal line starts and findings give equal diagnostics.
    if (previous?.uri === uri && 'source' in previous && isDeepStrictEqual(previous.source.lines.lineStarts, treeless.lineStarts) && isDeepStrictEqual(previous.source.findings, findings)) {
      // The newer source, so the older text and findings can be freed.
      previous.source = source;
      return;
    }
    this.send(entry.path, uri, findings.map((finding) => toDiagnostic(treeless, finding, uri)), version, source);
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

  /** Publishes diagnostics unless the client already has exactly these (also for a config file's problems). */
  send(path: string, uri: string, diagnostics: Diagnostic[], version?: number, source?: FindingsSource): void {
    const previous = this.published.get(path);
    const unchanged = previous ? previous.uri === uri && isDeepStrictEqual(sentDiagnostics(previous), diagnostics) : diagnostics.length === 0;
    if (diagnostics.length === 0) this.published.delete(path);
    else this.published.set(path, source ? { uri, source } : { uri, diagnostics });
    if (!unchanged) this.lastSent = this.connection.sendDiagnostics({ uri, version, diagnostics }).catch(() => undefined);
  }

  /**
   * Resolves when every diagnostic sent so far has been written to the client. Publishing a whole
   * workspace waits for it between slices, so messages the client has not read yet do not pile up
   * in memory (on 10,000 documents they took hundreds of MB).
   */
  written(): Promise<void> {
    return this.lastSent;
  }
}
