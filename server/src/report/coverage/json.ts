import { categoryRollups, documentCoverage } from '../../model/coverageViews';
import { registerFields } from '../../model/exclusionRegister';
import { displayPath } from '../displayPath';
import type { CoverageInput } from './common';

/**
 * The coverage model as JSON: the CoverageReport the language server returns for
 * `clausewise/coverage` (catalog, today, controls with claims/exclusions/reasons, totals), plus
 * `categories` (roll-ups per category and objective), `documents` (the reverse view) and `register`
 * (every `excludes` entry as written, with its line and effect: the HTML report's exclusion register,
 * in its order). Paths are relative to the working folder.
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
    register: input.register.map((entry) => ({
      excludes: entry.own?.id ?? entry.written,
      ...(entry.own ? { title: entry.own.title } : {}),
      ...(entry.readAs.length ? { readAs: entry.readAs.map((control) => control.id) } : {}),
      path: relative(entry.summary.path),
      // 1-based, as the elements' lines of claims[].
      line: entry.exclusion.line + 1,
      ...registerFields(entry),
    })),
  };
}

export function formatCoverageJson(input: CoverageInput): string {
  return `${JSON.stringify(coverageJson(input), null, 2)}\n`;
}
