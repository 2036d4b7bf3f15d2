import { pathToFileURL } from 'node:url';
import { version } from '../../../../package.json';
import type { Finding, Severity } from '../../findings/types';
import { ruleDocsUrl } from '../../rules/docs';
import { rules } from '../../rules/registry';
import { isInside } from '../../shared/paths';
import { displayPath } from '../../report/displayPath';
import type { FileResult } from '../../engine/batch';
import { findingPosition } from './position';
import { positionAt } from '../../document/lines';
import type { PolicyDocument } from '../../document/types';

const LEVEL: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'note' };

/** SARIF 2.1.0, as GitHub code scanning reads it: rules with help, results with regions and fixes. */
export function formatSarif(results: FileResult[], cwd: string): string {
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'clausewise',
            version,
            semanticVersion: version,
            informationUri: 'https://github.com/clausewise/clausewise',
            rules: rules.map((rule) => ({
              id: rule.id,
              name: rule.id.replace(/(^|-)([a-z])/g, (_m, _d, letter: string) => letter.toUpperCase()),
              shortDescription: { text: `${rule.description}.` },
              fullDescription: { text: rule.rationale.replace(/`/g, '') },
              help: { text: rule.rationale.replace(/`/g, ''), markdown: rule.rationale },
              helpUri: ruleDocsUrl(rule.id),
              defaultConfiguration: { level: LEVEL[rule.severity] },
              properties: { tags: ['iso27799', 'policy'], fixable: rule.fixable },
            })),
          },
        },
        columnKind: 'utf16CodeUnits',
        originalUriBaseIds: { SRCROOT: { uri: pathToFileURL(`${cwd}/`).href } },
        results: results.flatMap((result) => result.findings.map((finding) => sarifResult(result, finding, ruleIndex.get(finding.ruleId), cwd))),
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}

function sarifResult(result: FileResult, finding: Finding, index: number | undefined, cwd: string) {
  // SRCROOT-relative inside the working folder; a file outside it gets its own file: URI.
  const artifactLocation = isInside(result.path, cwd) ? { uri: encodeURI(displayPath(result.path, cwd)), uriBaseId: 'SRCROOT' } : { uri: pathToFileURL(result.path).href };
  const { line, column, endLine, endColumn } = findingPosition(result.document, finding);
  return {
    ruleId: finding.ruleId,
    ...(index === undefined ? {} : { ruleIndex: index }),
    level: LEVEL[finding.severity],
    message: { text: finding.message },
    locations: [{ physicalLocation: { artifactLocation, region: { startLine: line, startColumn: column, endLine, endColumn } } }],
    ...(finding.related?.length
      ? { relatedLocations: finding.related.map((place, id) => ({ id, message: { text: place.message }, physicalLocation: { artifactLocation, region: region(result.document, place.range.start, place.range.end) } })) }
      : {}),
    ...(finding.clause
      ? {
          properties: {
            clause: finding.clause,
            ...(finding.element ? { element: finding.element } : {}),
            ...(finding.elements ? { elements: finding.elements.map(({ id, title }) => ({ id, title })) } : {}),
          },
        }
      : {}),
    ...(finding.fixes.length
      ? {
          fixes: finding.fixes.map((fix) => ({
            description: { text: fix.title },
            artifactChanges: [{ artifactLocation, replacements: fix.edits.map((edit) => ({ deletedRegion: region(result.document, edit.range.start, edit.range.end), insertedContent: { text: edit.newText } })) }],
          })),
        }
      : {}),
  };
}

function region(document: PolicyDocument, start: number, end: number) {
  const from = positionAt(document.lineStarts, start);
  const to = positionAt(document.lineStarts, end);
  return { startLine: from.line + 1, startColumn: from.character + 1, endLine: to.line + 1, endColumn: to.character + 1 };
}
