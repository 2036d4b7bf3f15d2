import { pathToFileURL } from 'node:url';
import { NotificationType, RequestType, type CancellationToken, type Connection } from 'vscode-languageserver';
import { computeCoverage } from '../workspace/coverage';
import type { LiveWorkspace } from './workspace';
import {
  CoverageChangedNotification, CoverageRequest, type CoverageChangedParams, type CoverageReport, type CoverageTotals, type ScopeParams,
} from '../protocol/customMessages';
import { afterIndexing, type ServerContext } from './context';
import { requestScope } from './scope';

/** The typed clausewise/coverage request, from its declaration in protocol/customMessages.ts. */
export const coverageRequestType = new RequestType<ScopeParams | null, CoverageReport, void>(CoverageRequest.method);
const coverageChangedType = new NotificationType<CoverageChangedParams>(CoverageChangedNotification.method);

/** clausewise/coverage: the CoverageReport of the policy set in scope, over the documents under the requested folder. */
export async function coverageReport(context: ServerContext, params: ScopeParams | null, token: CancellationToken): Promise<CoverageReport> {
  await afterIndexing(context, token);
  const { set, index } = requestScope(context, params);
  return computeCoverage(index, set.catalog, set.config, context.workspace.core.today(set));
}

/** Milliseconds to wait after the last relevant change before computing the totals again. */
const NOTIFY_DELAY_MS = 300;

/** Sends clausewise/coverageChanged for each policy set whose totals differ from the last ones sent. */
export class CoverageNotifier {
  private readonly sent = new Map<string, string>();
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly connection: Connection,
    private readonly workspace: LiveWorkspace,
    private readonly log: (message: string) => void,
  ) {}

  /** Something coverage depends on changed: compare the totals after a short pause. */
  schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.notify(), NOTIFY_DELAY_MS);
  }

  private notify(): void {
    try {
      for (const set of this.workspace.core.policySets()) {
        const report = computeCoverage(set.index, set.catalog, set.config, this.workspace.core.today(set));
        const totals: CoverageTotals = report.totals;
        const key = set.config.file ?? set.config.root;
        const json = JSON.stringify(totals);
        if (this.sent.get(key) === json) continue;
        this.sent.set(key, json);
        void this.connection.sendNotification(coverageChangedType, { uri: pathToFileURL(set.config.root).href, catalog: report.catalog, totals });
      }
    } catch (error) {
      this.log(`Clausewise could not compute coverage: ${(error as Error).stack ?? String(error)}`);
    }
  }
}
