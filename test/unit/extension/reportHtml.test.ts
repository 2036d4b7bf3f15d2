import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../../server/src/catalog/load';
import { formatCoverageHtml } from '../../../server/src/report/coverage/html';
import { webviewHtml } from '../../../client/src/report/reportHtml';

const report = {
  catalog: { id: 'iso27799-2016', name: 'ISO 27799:2016', short: '27799' },
  today: '2026-11-29',
  totals: { covered: 0, partial: 0, excluded: 0, gap: 1, total: 1, applicable: 1, coveredPercent: 0 },
  controls: [{ id: '11.1.1', title: 'Physical security perimeter', objectiveId: '11.1', categoryId: '11', essential: false, state: 'gap' as const, claims: [], exclusions: [], reasons: ['no document claims it'] }],
};
const page = formatCoverageHtml({ report, catalog: loadCatalog(), cwd: '/ws', documents: 1, register: [] }, '/ws');

describe('the report panel\'s page: the server\'s HTML report wrapped for the webview', () => {
  const html = webviewHtml(page, 'NONCE123');

  it('swaps the page\'s hashes for a strict nonce policy: nothing but what carries the nonce runs or styles', () => {
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'nonce-NONCE123'; script-src 'nonce-NONCE123';`);
    expect(html).not.toContain('sha256-');
    expect(html.match(/<script/g)).toHaveLength(2);
    expect(html.match(/<script nonce="NONCE123">/g)).toHaveLength(2);
    expect(html.match(/<style nonce="NONCE123">/g)).toHaveLength(1);
    expect(html).not.toMatch(/<(script|style)>/);
  });

  it('is the same page: the table of controls, heat map and filter script of coverage --format html', () => {
    for (const part of ['<table id="soa">', '<table id="heat" class="heat">', 'id="search"', '<p class="muted">No document excludes a control.</p>']) expect(html).toContain(part);
    expect(html).toContain(/<script>([\s\S]*?)<\/script>/.exec(page)![1]!);
  });

  it('adds the export buttons and the script that posts document links and exports to the extension', () => {
    for (const format of ['html', 'markdown', 'csv']) expect(html).toContain(`data-export="${format}"`);
    expect(html).toContain('acquireVsCodeApi()');
    expect(html).toMatch(/<div class="actions">[\s\S]*<\/div>\n<\/header>/);
  });

  it('posts the line a register row carries with the document to open, so an unknown id opens at its entry', () => {
    const bridge = /<script nonce="NONCE123">([^<]*acquireVsCodeApi[^<]*)<\/script>/.exec(html)![1]!;
    const posted: unknown[] = [];
    let onClick: (event: unknown) => void = () => {};
    new Function('acquireVsCodeApi', 'document', bridge)(() => ({ postMessage: (message: unknown) => posted.push(message) }), { addEventListener: (_: string, listener: typeof onClick) => (onClick = listener) });
    const click = (attributes: Record<string, string>) => {
      const dataset = Object.fromEntries(Object.entries(attributes).filter(([name]) => name.startsWith('data-')).map(([name, value]) => [name.slice(5), value]));
      const link = { dataset, getAttribute: (name: string) => attributes[name] };
      onClick({ target: { closest: (selector: string) => (selector.startsWith('a') ? link : null) }, preventDefault: () => {} });
    };
    click({ href: 'soa.md', 'data-control': '6.1.9', 'data-excluded': 'true', 'data-line': '14' });
    click({ href: 'policy.md', 'data-control': '9.4.2', 'data-excluded': 'false' });
    expect(posted).toEqual([
      { type: 'open', href: 'soa.md', controlId: '6.1.9', excluded: true, line: 14 },
      { type: 'open', href: 'policy.md', controlId: '9.4.2', excluded: false },
    ]);
  });

  it('refuses a page it cannot make safe, rather than showing it with its own policy', () => {
    expect(() => webviewHtml('<html><body>x</body></html>', 'N')).toThrow(/cannot show/);
  });
});
