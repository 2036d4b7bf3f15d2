import { pathToFileURL } from 'node:url';
import type { CancellationToken, Connection } from 'vscode-languageserver';
import type { PolicySet } from '../engine/policySet';
import type { LiveWorkspace } from './workspace';
import {
  CoverageChangedNotification, type CoverageReport, type CoverageTotals, type ScopeParams,
} from '../protocol/customMessages';
import { afterIndexing, type ServerContext } from './context';
import { requestScope, scopeCoverage } from './scope';


/** clausewise/coverage: the CoverageReport of the policy set in scope, over the documents under the requested folder. */
export async function coverageReport(context: ServerContext, params: ScopeParams | null, token: CancellationToken): Promise<CoverageReport> {
  await afterIndexing(context, token);
  return scopeCoverage(context, requestScope(context, params));
}

/** Milliseconds to wait after the last relevant change before bringing the coverage up to date. */
const NOTIFY_DELAY_MS = 300;

/**
 * Sends clausewise/coverageChanged for each policy set whose coverage changed since the last one sent
 * for it, with the generation of its cached coverage: the one coverage computation after a change,
 * which the coverage requests and hovers then read.
 */
export class CoverageNotifier {
  private readonly sent = new WeakMap<PolicySet, number>();
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly connection: Connection,
    private readonly workspace: LiveWorkspace,
    private readonly log: (message: string) => void,
  ) {}

  /** Something coverage depends on changed: compare after a short pause, once the client is quiet (see ClientActivity). */
  schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.workspace.activity.pause().then(() => this.notify()), NOTIFY_DELAY_MS);
  }

  private notify(): void {
    try {
      for (const set of this.workspace.session.policySets()) {
        const { report, generation } = set.coverage.report(this.workspace.session.today(set));
        if (this.sent.get(set) === generation) continue;
        this.sent.set(set, generation);
        const totals: CoverageTotals = report.totals;
        void this.connection.sendNotification(CoverageChangedNotification, { uri: pathToFileURL(set.config.root).href, catalog: report.catalog, totals, generation });
      }
    } catch (error) {
      this.log(`Clausewise could not compute coverage: ${(error as Error).stack ?? String(error)}`);
    }
  }
}
