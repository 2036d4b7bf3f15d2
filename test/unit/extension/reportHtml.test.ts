import { describe, expect, it } from 'vitest';
import type { CatalogTree, CoverageReport } from '../../../server/src/protocol/customMessages';
import { reportHtml } from '../../../client/src/report/reportHtml';

const catalog: CatalogTree = {
  catalog: { id: 'iso27799-2016', name: 'ISO 27799:2016', short: '27799', title: 'Health informatics' },
  categories: [
    {
      id: '11',
      title: 'Physical and environmental security',
      objectives: [{ id: '11.1', title: 'Secure areas', controls: [{ id: '11.1.6', title: 'Delivery and loading areas', essential: false, elements: [] }, { id: '11.1.1', title: 'Physical security perimeter', essential: false, elements: [] }] }],
    },
  ],
};

const report: CoverageReport = {
  catalog: catalog.catalog,
  today: '2026-11-29',
  totals: { covered: 0, partial: 0, excluded: 1, gap: 1, total: 2, applicable: 1, coveredPercent: 0 },
  controls: [
    {
      id: '11.1.6', title: 'Delivery and loading areas', objectiveId: '11.1', categoryId: '11', essential: false, state: 'excluded', claims: [], reasons: [],
      exclusions: [{ path: '/ws/soa.md', documentId: 'SOA-1', justification: 'No dock <script>alert(1)</script>', valid: true, problems: [] }],
    },
    { id: '11.1.1', title: 'Physical security perimeter', objectiveId: '11.1', categoryId: '11', essential: false, state: 'gap', claims: [], exclusions: [], reasons: ['no document claims it'] },
  ],
};

describe('the coverage report page', () => {
  const html = reportHtml(report, catalog, 'NONCE123');

  it('has a strict content security policy: nothing but its own nonce runs or styles', () => {
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'nonce-NONCE123'; script-src 'nonce-NONCE123';`);
    expect(html).not.toMatch(/\b(src|href)="(https?:)?\/\//);
    expect(html).not.toMatch(/\sstyle="/);
    expect(html.match(/<script/g)).toHaveLength(1);
    expect(html).toContain('<script nonce="NONCE123">');
  });

  it('escapes what the documents say', () => {
    expect(html).toContain('No dock &lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('shows the heat map, the Statement of Applicability and the export buttons', () => {
    expect(html).toContain('<td class="cell s-excluded l3"');
    expect(html).toMatch(/<tr data-state="gap" data-category="11"><td>11\.1\.1<\/td><td>Physical security perimeter<\/td><td>Yes<\/td>/);
    expect(html).toMatch(/<tr data-state="excluded" data-category="11"><td>11\.1\.6<\/td>.*<td>No<\/td>/);
    for (const format of ['html', 'markdown', 'csv']) expect(html).toContain(`data-export="${format}"`);
  });

  it('takes every colour from the theme: no colour is written into the page', () => {
    const style = /<style[^>]*>([\s\S]*?)<\/style>/.exec(html)![1]!;
    expect(style).not.toMatch(/#[0-9a-f]{3,8}\b|rgba?\(|hsla?\(|(?<![-\w])(white|black|red|green|orange|gray|grey)(?![-\w])/i);
    // Every text and background colour is a theme token (or inherits / shows through).
    for (const declaration of style.match(/(?<![-\w])(color|background):[^;}]+/g) ?? []) expect(declaration).toMatch(/var\(--vscode-|:\s*(inherit|transparent)\s*$/);
  });

  it('shows each state by a mark and its name, not by colour alone', () => {
    expect(html).toContain('<td><span class="badge s-gap"><span class="mark" aria-hidden="true">✗</span> gap</span></td>');
    expect(html).toContain('<td><span class="badge s-excluded"><span class="mark" aria-hidden="true">⊘</span> excluded</span></td>');
    expect(html).toContain('<th scope="col"><span class="badge s-covered"><span class="mark" aria-hidden="true">✓</span> covered</span></th>');
  });

  it('makes each heat-map cell a button with a plain-text label that lists its controls', () => {
    const label = '1 control gap in 11 Physical and environmental security: show it in the Statement of Applicability';
    expect(html).toContain(`<td class="cell s-gap l3"><button type="button" data-category="11" data-state="gap" aria-label="${label}" title="${label}">1</button></td>`);
    expect(html).toContain('aria-label="0 controls covered in 11 Physical and environmental security: show them in the Statement of Applicability"');
    expect(html.match(/aria-label="[^"]*"/g)!.join(' ')).not.toMatch(/[*_`#]/);
  });

  it('lists every exclusion in a register: expired ones first, then those not valid, with justification, expiry and owner', () => {
    const excluded = (id: string, exclusion: Partial<CoverageReport['controls'][number]['exclusions'][number]>) => ({
      id, title: `Control ${id}`, objectiveId: '11.1', categoryId: '11', essential: false, state: 'excluded' as const, claims: [], reasons: [],
      exclusions: [{ path: `/ws/${id}.md`, documentId: `SOA-${id}`, owner: 'Facilities manager', justification: 'No such area on site.', valid: true, problems: [], ...exclusion }],
    });
    const withRegister: CoverageReport = {
      ...report,
      controls: [
        excluded('11.1.4', { until: '2027-01-01' }),
        excluded('11.1.5', { justification: 'N/A', valid: false, problems: ['the justification is too short'] }),
        excluded('11.1.6', { until: '2026-06-30', valid: false, problems: ['expired on 2026-06-30'] }),
        excluded('11.2.5', { until: '2025-01-31', valid: false, problems: ['expired on 2025-01-31'] }),
      ],
    };
    const page = reportHtml(withRegister, catalog, 'N');
    const register = /<table id="register">[\s\S]*?<\/table>/.exec(page)![0];
    const rows = register.match(/<tr><td>[^<]+/g)!.map((row) => row.slice('<tr><td>'.length));
    expect(rows).toEqual(['11.2.5', '11.1.6', '11.1.5', '11.1.4']);
    expect(register).toContain('<td>Facilities manager</td><td>No such area on site.</td><td>2025-01-31</td><td><span class="badge s-gap"><span class="mark" aria-hidden="true">✗</span> expired 2025-01-31</span></td>');
    expect(register).toContain('<span class="mark" aria-hidden="true">◐</span> not valid</span> the justification is too short');
    expect(register).toContain('<td>2027-01-01</td><td><span class="badge s-covered"><span class="mark" aria-hidden="true">✓</span> in force</span></td>');
    expect(reportHtml({ ...report, controls: [report.controls[1]!] }, catalog, 'N')).toContain('<p class="muted">No document excludes a control.</p>');
  });
});
