import type { ChangeFinding, ChangeReport, DocumentChangeReport } from '../../../change/types';

/** GitHub refuses a comment longer than this many characters. */
export const COMMENT_LIMIT = 65_536;
const LIMITS = [Infinity, 200, 50, 20, 5, 0];

/**
 * The change report as a pull-request comment: the verdict on the first line, then the numbers,
 * then each part in a collapsible <details>. Over GitHub's comment limit, the lists are cut
 * (longest first) and a note says so and how to get the whole report.
 */
export function formatDiffMarkdown(report: ChangeReport, options: { linkBase?: string; limit?: number } = {}): string {
  const limit = options.limit ?? COMMENT_LIMIT;
  for (const items of LIMITS) {
    const text = render(report, options.linkBase, items);
    if (text.length <= limit) return text;
  }
  return `${render(report, options.linkBase, 0).slice(0, limit - 200)}\n\n…cut to fit a comment; run \`clausewise diff --format json\` for the whole report.\n`;
}

function render(report: ChangeReport, linkBase: string | undefined, items: number): string {
  const link = (path: string, line?: number) => {
    const label = line ? `${path}:${line}` : path;
    return linkBase === undefined ? `\`${label}\`` : `[${escape(label)}](${linkBase}${encodePath(path)}${line ? `#L${line}` : ''})`;
  };
  const { summary, totals } = report;
  const head = report.head.commit ? `\`${report.head.ref}\` (${report.head.commit.slice(0, 7)})` : 'the work tree';
  const lines = [
    `**Clausewise:** ${report.verdict}.`,
    '',
    `Compared ${head} with \`${report.base.ref}\` (${report.base.commit?.slice(0, 7) ?? 'work tree'}). Coverage ${totals.before.coveredPercent}% → ${totals.after.coveredPercent}% ` +
      `(covered ${totals.before.covered} → ${totals.after.covered} of ${totals.after.applicable} applicable controls).`,
  ];
  let cut = false;
  const section = (title: string, body: string[]) => {
    if (body.length === 0) return;
    const shown = body.slice(0, items === Infinity ? body.length : items);
    if (shown.length < body.length) cut = true;
    lines.push('', `<details><summary>${title}</summary>`, '', ...shown, ...(shown.length < body.length ? [`- …and ${body.length - shown.length} more`] : []), '', '</details>');
  };
  const lost = report.controls.filter((control) => control.before === 'covered' && control.after !== 'covered');
  section(`Controls: ${report.controls.length} changed state (${lost.length} losing coverage, ${summary.controlsGainingCoverage} gaining it)`, [
    ...(report.controls.length ? ['| control | before | after |', '|---|---|---|'] : []),
    ...report.controls.map((control) => `| ${control.id} ${escape(control.title)} | ${control.before ?? '—'} | ${control.after ?? '—'} |`),
  ]);
  const counts = [`${summary.documentsAdded} added`, `${summary.documentsRemoved} removed`, `${summary.documentsRenamed} renamed`, `${summary.documentsModified} changed`];
  section(`Documents: ${counts.join(', ')}`, report.documents.flatMap((document) => documentLines(document, link)));
  section(`New findings (${summary.newFindings})`, report.findings.new.map((finding) => findingLine(finding, link(finding.path, finding.line))));
  section(`Resolved findings (${summary.resolvedFindings})`, report.findings.resolved.map((finding) => findingLine(finding, `\`${finding.path}\``)));
  for (const note of report.notes) lines.push('', `> ${escape(note)}`);
  if (cut) lines.splice(1, 0, '', `> This report was shortened to fit a comment: long lists show their first ${items} entries. Run \`clausewise diff --format json\` for the whole report.`);
  return `${lines.join('\n')}\n`;
}

function documentLines(document: DocumentChangeReport, link: (path: string, line?: number) => string): string[] {
  const name = document.id ? `${document.id} ${link(document.path)}` : link(document.path);
  const what = document.change === 'renamed' ? `renamed from \`${escape(document.from!)}\`${document.similarity !== undefined ? ` (${document.similarity}% similar)` : ''}` : document.change;
  const details = [
    document.clausesAdded.length && `clauses added: ${document.clausesAdded.join(', ')}`,
    document.clausesRemoved.length && `clauses removed: ${document.clausesRemoved.join(', ')}`,
    document.exclusionsAdded.length && `exclusions added: ${document.exclusionsAdded.join(', ')}`,
    document.exclusionsRemoved.length && `exclusions removed: ${document.exclusionsRemoved.join(', ')}`,
    ...document.elements.map((element) => `${element.clause} ${escape(element.title)}: ${element.before} → ${element.after}${element.line ? ` (${link(document.path, element.line)})` : ''}`),
    ...document.fields.map((field) => `${field.field}: ${escape(field.before ?? '(none)')} → ${escape(field.after ?? '(none)')}`),
  ].filter((detail): detail is string => Boolean(detail));
  return [`- ${name} — ${what}`, ...details.map((detail) => `  - ${detail}`)];
}

function findingLine(finding: ChangeFinding, place: string): string {
  return `- **${finding.severity}** \`${finding.ruleId}\` ${place}: ${escape(finding.message)}`;
}

/** Keeps a text from opening HTML, links or tables in the comment. */
function escape(text: string): string {
  return text.replace(/[\\`*_[\]<>|]/g, (char) => `\\${char}`).replace(/\r?\n/g, ' ');
}

function encodePath(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}
