import { categoryRollups, documentCoverage } from '../../model/coverageViews';
import { displayPath } from '../displayPath';
import type { CoverageInput } from './common';

/**
 * The coverage model as JSON: the CoverageReport the language server returns for
 * `clausewise/coverage` (catalog, today, controls with claims/exclusions/reasons, totals), plus
 * `categories` (roll-ups per category and objective), `documents` (the reverse view) and `register`
 * (every `excludes` entry as written, with its effect: the HTML report's exclusion register, in its
 * order). Paths are relative to the working folder.
 */
export function coverageJson(input: CoverageInput): object {
  const relative = (path: string) => displayPath(path, input.cwd);
  const controls = input.report.controls.map((control) => ({
    ...control,
    claims: control.claims.map((claim) => ({ ...claim, path: relative(claim.path) })),
    exclusions: control.exclusions.map((exclusion) => ({ ...exclusion, path: relative(exclusion.path) })),
  }));
  return {
    ...input.report,
    controls,
    categories: categoryRollups(input.report, input.catalog),
    documents: documentCoverage(input.report).map((document) => ({ ...document, path: relative(document.path) })),
    register: input.register.map(({ own, written, readAs, summary, exclusion, effect, expired, valid, problems }) => ({
      excludes: own?.id ?? written,
      ...(own ? { title: own.title } : {}),
      ...(readAs.length ? { readAs: readAs.map((control) => control.id) } : {}),
      effect,
      path: relative(summary.path),
      documentId: summary.id?.value,
      owner: summary.owner,
      justification: exclusion.justification?.value,
      until: exclusion.until?.value,
      expired,
      valid,
      problems,
    })),
  };
}

export function formatCoverageJson(input: CoverageInput): string {
  return `${JSON.stringify(coverageJson(input), null, 2)}\n`;
}
