import { performance } from 'node:perf_hooks';

/**
 * How long the client must have sent nothing (no request, no edit) before work that can wait goes
 * ahead: the whole workspace's diagnostics after indexing, the coverage notification. Longer than
 * the gaps between keystrokes and the requests an editor sends as the cursor moves.
 */
export const QUIET_MS = 250;

/**
 * When the client last asked for something or edited a document. Work that can wait runs in the
 * pauses, so it never stands between the user and an answer: on 10,000 documents the workspace's
 * diagnostics are some 190 MB of JSON, which took the main thread about 15 s to send after indexing
 * while the first edits and hovers waited behind it.
 */
export class ClientActivity {
  private last = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly quietMs = QUIET_MS,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** The client sent a request or an edit. */
  touch(): void {
    this.last = this.now();
  }

  /** True when the client has sent nothing for quietMs. */
  isQuiet(): boolean {
    return this.now() - this.last >= this.quietMs;
  }

  /** Resolves once the client has sent nothing for quietMs (after the current turn of the event loop, even if it already has). */
  async pause(): Promise<void> {
    await new Promise((resolve) => setImmediate(resolve));
    while (!this.isQuiet()) await new Promise((resolve) => setTimeout(resolve, Math.max(1, this.last + this.quietMs - this.now())));
  }
}
