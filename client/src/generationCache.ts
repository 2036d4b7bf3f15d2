/**
 * The answers of the requests that depend only on the server's coverage (coverage, catalog, document
 * list), kept until the server announces a new coverage generation: the status bar, both trees and the
 * report then share one request per generation and scope, however many of them refresh.
 */
export class GenerationCache {
  private generation?: number;
  private readonly answers = new Map<string, Promise<unknown>>();
  private readonly counts = new Map<string, number>();

  /** Takes the generation a clausewise/coverageChanged carries; true when it is new (the answers kept are dropped). */
  advance(generation: number): boolean {
    if (generation === this.generation) return false;
    this.generation = generation;
    this.answers.clear();
    return true;
  }

  /** Drops every answer (the server restarted, or the user asked to refresh). */
  clear(): void {
    this.generation = undefined;
    this.answers.clear();
  }

  /** The answer kept for this method and params, or `send`'s, kept until the next generation (a failure is not kept). */
  answer<R>(method: string, params: unknown, send: () => Promise<R>): Promise<R> {
    const key = `${method} ${JSON.stringify(params ?? null)}`;
    const kept = this.answers.get(key) as Promise<R> | undefined;
    if (kept) return kept;
    this.counts.set(method, (this.counts.get(method) ?? 0) + 1);
    const answer = send();
    this.answers.set(key, answer);
    answer.catch(() => this.answers.get(key) === answer && this.answers.delete(key));
    return answer;
  }

  /** How many requests of a method were sent to the server rather than answered here (for tests). */
  sent(method: string): number {
    return this.counts.get(method) ?? 0;
  }
}
