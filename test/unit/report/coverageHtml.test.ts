import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../../server/src/catalog/load';
import { formatCoverageHtml } from '../../../server/src/report/coverage/html';
import type { CoverageReport, ExclusionEntry } from '../../../server/src/model/coverage';

const catalog = loadCatalog();

const report: CoverageReport = {
  catalog: { id: 'iso27799-2016', name: 'ISO 27799:2016', short: '27799' },
  today: '2026-11-29',
  totals: { covered: 0, partial: 0, excluded: 1, gap: 1, total: 2, applicable: 1, coveredPercent: 0 },
  controls: [
    {
      id: '11.1.6', title: 'Delivery and loading areas', objectiveId: '11.1', categoryId: '11', essential: false, state: 'excluded', claims: [], reasons: [],
      exclusions: [{ path: '/ws/policies/soa.md', documentId: 'SOA-1', justification: 'No dock <script>alert(1)</script>', valid: true, problems: [] }],
    },
    { id: '11.1.1', title: 'Physical security perimeter', objectiveId: '11.1', categoryId: '11', essential: false, state: 'gap', claims: [], exclusions: [], reasons: ['no document claims it'] },
  ],
};

const page = (coverage: CoverageReport = report) => formatCoverageHtml({ report: coverage, catalog, cwd: '/ws', documents: 1 }, '/ws/reports');

describe('the HTML coverage report (clausewise coverage --format html and the editor\'s report panel)', () => {
  const html = page();

  it('allows only its own style and script, by their hashes, and loads nothing', () => {
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)![1]!;
    const script = /<script>([\s\S]*?)<\/script>/.exec(html)![1]!;
    const hash = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${hash(style)}; script-src ${hash(script)}; img-src data:">`);
    expect(html).not.toMatch(/\b(src|href)="(https?:)?\/\//);
    expect(html).not.toMatch(/\sstyle="/);
    expect(html.match(/<script/g)).toHaveLength(1);
  });

  it('escapes what the documents say, and links them relative to the report\'s folder with the control they are about', () => {
    expect(html).toContain('No dock &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('<a href="../policies/soa.md" data-control="11.1.6" data-excluded="true">SOA-1</a>');
  });

  it('takes every colour from the theme, with a fixed fallback outside VS Code', () => {
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)![1]!;
    // A colour is written only as the fallback of a theme token.
    expect(style.replace(/var\(--vscode-[\w-]+, (#[0-9a-f]{6}|var\(--vscode-[\w-]+, #[0-9a-f]{6}\))\)/gi, '')).not.toMatch(/#[0-9a-f]{3,8}\b|rgba?\(|hsla?\(|(?<![-\w])(white|black|red|green|orange|gray|grey)(?![-\w])/i);
    for (const declaration of style.match(/(?<![-\w])(color|background):[^;}]+/g) ?? []) expect(declaration).toMatch(/var\(--vscode-|:\s*(inherit|transparent)\s*$/);
  });

  it('shows each state by a mark and its name, not by colour alone', () => {
    expect(html).toContain('<td><span class="badge s-gap"><span class="mark" aria-hidden="true">✗</span> gap</span></td>');
    expect(html).toContain('<td><span class="badge s-excluded"><span class="mark" aria-hidden="true">⊘</span> excluded</span></td>');
    expect(html).toContain('<th scope="col"><span class="badge s-covered"><span class="mark" aria-hidden="true">✓</span> covered</span></th>');
  });

  it('makes each heat-map cell a button with a plain-text label that lists its controls, and rows the filter can find by category', () => {
    const label = '1 control gap in 11 Physical and environmental security: show it in the Statement of Applicability';
    expect(html).toContain(`<td class="cell s-gap l3"><button type="button" data-category="11" data-state="gap" aria-label="${label}" title="${label}">1</button></td>`);
    expect(html).toContain('aria-label="0 controls covered in 11 Physical and environmental security: show them in the Statement of Applicability"');
    expect(html.match(/aria-label="[^"]*"/g)!.join(' ')).not.toMatch(/[*_`#]/);
    expect(html).toMatch(/<tr data-state="gap" data-category="11"><td><a href="#c-11\.1\.1">11\.1\.1<\/a><\/td><td>Physical security perimeter<\/td><td>Yes<\/td>/);
  });

  it('has the catalog\'s mapping columns', () => {
    expect(html).toContain('<th scope="col">ISO/IEC 27002:2022</th>');
    expect(html).toMatch(/<tr data-state="excluded" data-category="11">.*<td><span title="[^"]*">7\.2<\/span><\/td>/);
  });

  it('lists every exclusion in a register: expired ones first, then those not valid, with justification, expiry and owner', () => {
    const excluded = (id: string, exclusion: Partial<ExclusionEntry>) => ({
      id, title: `Control ${id}`, objectiveId: '11.1', categoryId: '11', essential: false, state: exclusion.valid === false ? ('gap' as const) : ('excluded' as const), claims: [], reasons: [],
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
    const register = /<table id="register">[\s\S]*?<\/table>/.exec(page(withRegister))![0];
    const rows = register.match(/<tr><td>[^<]+/g)!.map((row) => row.slice('<tr><td>'.length));
    expect(rows).toEqual(['11.2.5', '11.1.6', '11.1.5', '11.1.4']);
    expect(register).toContain('<td>Facilities manager</td><td>No such area on site.</td><td>2025-01-31</td><td><span class="badge s-gap"><span class="mark" aria-hidden="true">✗</span> expired 2025-01-31</span></td>');
    expect(register).toContain('<span class="mark" aria-hidden="true">◐</span> not valid</span> the justification is too short');
    expect(register).toContain('<td>2027-01-01</td><td><span class="badge s-covered"><span class="mark" aria-hidden="true">✓</span> in force</span></td>');
    expect(page({ ...report, controls: [report.controls[1]!] })).toContain('<p class="muted">No document excludes a control.</p>');
  });

  it('reads an until that is no calendar day as not valid, not as expired, as the exclusion-invalid rule does', () => {
    const control = { id: '11.1.4', title: 'Control 11.1.4', objectiveId: '11.1', categoryId: '11', essential: false, state: 'gap' as const, claims: [], reasons: [],
      exclusions: [{ path: '/ws/a.md', documentId: 'SOA-A', justification: 'No such area on site.', until: '2025-02-30', valid: false, problems: ['until "2025-02-30" is not a date'] }] };
    const register = /<table id="register">[\s\S]*?<\/table>/.exec(page({ ...report, controls: [control] }))![0];
    expect(register).not.toContain('expired');
    expect(register).toContain('not valid</span> until &quot;2025-02-30&quot; is not a date');
  });
});
