import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../../server/src/catalog/load';
import { formatCoverageHtml } from '../../../server/src/report/coverage/html';
import { computeCoverage, type CoverageReport } from '../../../server/src/model/coverage';
import { builtInCatalogPath } from '../../../server/src/catalog/builtIn';
import { defaultConfig } from '../../../server/src/config/load';
import { PolicySet } from '../../../server/src/engine/policySet';
import { coverageInput } from '../../../server/src/report/coverage/common';
import { policyText } from '../../helpers/tempWorkspace';

const catalog = loadCatalog();
const catalog2016 = catalog;
const catalog2022 = loadCatalog(builtInCatalogPath('iso27002-2022'));

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

const page = (coverage: CoverageReport = report) => formatCoverageHtml({ report: coverage, catalog, cwd: '/ws', documents: 1, register: [] }, '/ws/reports');

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

  /** The report of a policy set of one document excluding each entry given: [id, justification, until?]. */
  function withRegister(entries: [string, string, string?][], catalog = catalog2016, today = '2026-11-29') {
    const set = new PolicySet(defaultConfig('/ws'), catalog);
    const excludes = entries.map(([id, justification, until]) => `  - clause: ${id}\n    justification: ${justification}\n${until ? `    until: ${until}\n` : ''}`).join('');
    set.add('/ws/soa.md', policyText('SOA-1', `owner: Facilities manager\nexcludes:\n${excludes}`).replace('owner: CISO\n', ''));
    const input = coverageInput(computeCoverage(set.index, catalog, set.config, today), set.index.policies(), catalog, set.config, '/ws');
    return /<table id="register">[\s\S]*?<\/table>/.exec(formatCoverageHtml(input, '/ws/reports'))![0];
  }
  const reason = 'No such area on site at all.';

  it('lists every exclusion in a register: expired ones first, then those not valid, with what it excludes, justification, expiry and owner', () => {
    const register = withRegister([['11.1.4', reason, '2027-01-01'], ['11.1.5', 'N/A'], ['11.1.6', reason, '2026-06-30'], ['11.2.5', reason, '2025-01-31']]);
    const rows = register.match(/<tr><td>[^<]+/g)!.map((row) => row.slice('<tr><td>'.length));
    expect(rows).toEqual(['11.2.5', '11.1.6', '11.1.5', '11.1.4']);
    expect(register).toContain('<td>11.2.5</td><td>Removal of assets</td><td>expired on 2025-01-31: 11.2.5 is back in scope</td><td><a href="../soa.md" data-control="11.2.5" data-excluded="true" data-line="17">SOA-1</a></td><td>Facilities manager</td><td>No such area on site at all.</td><td>2025-01-31</td><td><span class="badge s-gap"><span class="mark" aria-hidden="true">✗</span> expired 2025-01-31</span></td>');
    expect(register).toContain('<span class="mark" aria-hidden="true">◐</span> not valid</span> justification too short');
    expect(register).toContain('<td>excludes 11.1.4</td>');
    expect(register).toContain('<td>2027-01-01</td><td><span class="badge s-covered"><span class="mark" aria-hidden="true">✓</span> in force</span></td>');
    expect(page()).toContain('<p class="muted">No document excludes a control.</p>');
  });

  it('reads an until that is no calendar day as not valid, not as expired, as the exclusion-invalid rule does', () => {
    const register = withRegister([['11.1.4', reason, '2025-02-30']]);
    expect(register).not.toContain('expired');
    expect(register).toContain('not valid</span> until &quot;2025-02-30&quot; is not a date');
  });

  it('under ISO/IEC 27002:2022 lists each 2013 id as written with its effect, and an unknown id with none', () => {
    const register = withRegister([['11.1.6', reason], ['6.1.9', reason]], catalog2022);
    expect(register).toContain('<tr><td>11.1.6</td><td>Delivery and loading areas (2013)</td><td>11.1.6 (2013) — partial: 7.2 stays in scope until 11.1.2 is also excluded</td><td><a href="../soa.md" data-control="11.1.6" data-excluded="true" data-line="9">SOA-1</a>');
    expect(register).toMatch(/7\.2 stays in scope until 11\.1\.2 is also excluded<\/td>.*<span class="mark" aria-hidden="true">◐<\/span> partial<\/span><\/td><\/tr>/);
    // Each row opens the document at its entry (0-based line), the id as written selected: an unknown id too.
    expect(register).toContain('<tr><td>6.1.9</td><td>—</td><td>unknown control, no effect</td><td><a href="../soa.md" data-control="6.1.9" data-excluded="true" data-line="11">SOA-1</a>');
    expect(register).toContain('not valid</span> 6.1.9 is not a control of ISO/IEC 27002:2022');
  });
});
