import type { CoverageReport } from '../../../server/src/protocol/customMessages';
import type { ReportPanel } from '../report/reportPanel';

/** Opens the coverage report panel; returns the report it shows (the server's clausewise/coverage answer). */
export function showCoverageReport(panel: ReportPanel) {
  return (): Promise<CoverageReport> => panel.show();
}
