import { describe, expect, it } from 'vitest';
import { decodeDocument, MAX_DOCUMENT_BYTES } from '../../../server/src/document/decode';
import { listItems } from '../../../server/src/document/frontmatter';
import { parsePolicyDocument } from '../../../server/src/document/parse';
import { completionSiteAt } from '../../../server/src/document/completionSite';
import { loadCatalog } from '../../../server/src/catalog/load';
import { defaultConfig } from '../../../server/src/config/load';
import { PolicySet } from '../../../server/src/engine/policySet';

const policy = (body: string, frontmatter = 'id: POL-1\nclauses: [9.4.2]') => `---\n${frontmatter}\n---\n${body}`;

describe('parsing a policy document', () => {
  it('reads frontmatter keys with exact ranges, keeping clause ids as written', () => {
    const text = policy('# T\n', 'id: POL-1\nclauses: [9.4.2, 12.1.10]');
    const document = parsePolicyDocument('/p.md', text);
    const field = document.frontmatter!.fields.get('id')!;
    expect(text.slice(field.keyRange.start, field.keyRange.end)).toBe('id');
    expect(text.slice(field.valueRange.start, field.valueRange.end)).toBe('POL-1');
    expect(listItems(document.frontmatter, 'clauses').map((item) => [item.source, text.slice(item.range.start, item.range.end)])).toEqual([
      ['9.4.2', '9.4.2'],
      ['12.1.10', '12.1.10'],
    ]);
  });

  it('reads flow-style and JSON frontmatter, with exact ranges for the clause ids', () => {
    for (const frontmatter of ['{id: POL-1, clauses: [9.4.2, 12.1.10]}', '{\n  "id": "POL-1",\n  "clauses": ["9.4.2", "12.1.10"]\n}']) {
      const text = policy('# T\n', frontmatter);
      const document = parsePolicyDocument('/p.md', text);
      expect(document.frontmatter!.data).toEqual({ id: 'POL-1', clauses: ['9.4.2', '12.1.10'] });
      expect(listItems(document.frontmatter, 'clauses').map((item) => text.slice(item.range.start, item.range.end).replace(/"/g, ''))).toEqual(['9.4.2', '12.1.10']);
    }
  });

  it.each([
    ['a code fence never closed', '```\ncode\n', 'code fence'],
    ['a tilde fence closed by a shorter one', '~~~~\ncode\n~~~\n', 'code fence'],
    ['a fence with only its opening line', 'Text.\n\n```', 'code fence'],
    ['an HTML comment never closed', '<!-- note\nmore\n', 'HTML comment'],
    ['a <pre> block never closed', '<pre>\ncode\n', 'HTML block'],
  ])('knows when the text ends inside a block: %s', (_what, body, kind) => {
    expect(parsePolicyDocument('/p.md', policy(`# T\n\n${body}`)).unclosed?.kind).toBe(kind);
  });

  it.each([
    ['a closed fence', '```\ncode\n```\n'],
    ['a fence closed by a longer one', '```\ncode\n`````\n'],
    ['a closed comment', '<!-- note\n-->\n'],
    ['a comment on one line', '<!-- note -->'],
    ['an HTML block that a blank line ends', '<div>\nx\n'],
    ['an indented code block', '    code\n'],
    ['a fence left open inside a list item', '- item\n\n  ```\n  code\n'],
    ['a fence left open earlier, not at the end', '```\ncode\n```\n\nText.\n'],
  ])('and when it does not: %s', (_what, body) => {
    expect(parsePolicyDocument('/p.md', policy(`# T\n\n${body}`)).unclosed).toBeUndefined();
  });

  it('builds sections from headings and bold lead-ins, with their extent', () => {
    const text = policy('# Title\n\n## 7.3 Session Time-out:\n\nLocks after 5 minutes.\n\n### Detail\n\nMore.\n\n## Next\n\n- **Password length**: 14 characters.\n\n**Lockout.** After 10 tries.\n');
    const document = parsePolicyDocument('/p.md', text);
    expect(document.title).toBe('Title');
    expect(document.sections.map((section) => [section.kind, section.key, section.depth])).toEqual([
      ['heading', 'title', 1],
      ['heading', 'sessiontimeout', 2],
      ['heading', 'detail', 3],
      ['heading', 'next', 2],
      ['lead-in', 'passwordlength', 7],
      ['lead-in', 'lockout', 7],
    ]);
    const session = document.sections[1]!;
    expect(text.slice(session.bodyRange.start, session.bodyRange.end)).toBe('\n\nLocks after 5 minutes.\n\n### Detail\n\nMore.\n\n');
  });

  it('marks sections that hold only placeholders as empty', () => {
    const document = parsePolicyDocument('/p.md', policy('## A\n\nTODO\n\n## B\n\nTBD: [insert the process here]\n\n## C\n\n<!-- later -->\n\n## D\n\nWe do it daily.\n'));
    expect(document.sections.map((section) => section.empty)).toEqual([true, true, true, false]);
  });

  it('finds clause references in prose but not bare numbers or code', () => {
    const text = policy('See ISO 27799 9.4.2, ISO 27799:2016 §12.4.1, 27799 5.1.1 and §18.1.4.\n\nVersion 9.4.2 of the app; `ISO 27799 9.4.3`.\n\n```\nISO 27799 9.4.4\n```\n');
    const document = parsePolicyDocument('/p.md', text);
    expect(document.mentions.map((mention) => [mention.id, text.slice(mention.range.start, mention.range.end)])).toEqual([
      ['9.4.2', 'ISO 27799 9.4.2'],
      ['12.4.1', 'ISO 27799:2016 §12.4.1'],
      ['5.1.1', '27799 5.1.1'],
      ['18.1.4', '§18.1.4'],
    ]);
  });

  it('collects links and suppression comments with their lines', () => {
    const document = parsePolicyDocument('/p.md', policy('[a](other.md) [b][ref]\n\n<!-- clausewise-disable-next-line missing-element, empty-element -->\nx\n\n[ref]: ./third.md\n'));
    expect(document.links.map((link) => link.url)).toEqual(['other.md', './third.md']);
    expect(document.suppressions).toEqual([expect.objectContaining({ kind: 'disable-next-line', rules: ['missing-element', 'empty-element'], line: 6 })]);
  });
});

describe('awkward input is handled, never thrown', () => {
  it('CRLF line endings keep exact offsets', () => {
    const text = '---\r\nid: POL-1\r\nclauses: [9.4.2]\r\n---\r\n# T\r\n\r\n## Session time-out\r\n\r\nFive minutes.\r\n';
    const document = parsePolicyDocument('/p.md', text);
    expect(document.frontmatter?.closed).toBe(true);
    expect(document.lineStarts).toHaveLength(10);
    const section = document.sections[1]!;
    expect(text.slice(section.titleRange.start, section.titleRange.end)).toBe('## Session time-out');
  });

  it('lone-CR line endings (old Mac) read a valid frontmatter without syntax errors, with exact offsets', () => {
    const text = '---\rid: POL-1\rtitle: Access\rclauses: [9.4.2]\rexcludes:\r  - clause: 11.1.6\r    justification: No loading area.\r---\r# T\r\r## Session time-out\r\rFive minutes.\r';
    const document = parsePolicyDocument('/p.md', text);
    expect(document.frontmatter?.syntaxErrors).toEqual([]);
    expect(document.frontmatter?.data).toMatchObject({ id: 'POL-1', title: 'Access', clauses: ['9.4.2'] });
    const id = document.frontmatter!.fields.get('title')!;
    expect(text.slice(id.valueRange.start, id.valueRange.end)).toBe('Access');
    expect(document.sections.map((section) => section.title)).toEqual(['T', 'Session time-out']);
  });

  it('lone-CR line endings give a valid document no frontmatter-syntax finding', () => {
    const text = '---\rid: POL-1\rtitle: Access\rtype: policy\rowner: CISO\rstatus: draft\rversion: 1.0.0\rclauses: []\r---\r# T\r';
    const set = new PolicySet(defaultConfig('/ws'), loadCatalog());
    const { document, summary } = set.add('/ws/p.md', text);
    expect(set.check(document, summary, { today: '2026-06-01', fileExists: () => false }).map((finding) => finding.ruleId)).toEqual([]);
  });

  it('a byte-order mark is set aside and remembered', () => {
    const document = parsePolicyDocument('/p.md', `\uFEFF${policy('# T\n')}`);
    expect(document.bom).toBe(true);
    expect(document.frontmatter?.fields.get('id')?.value).toBe('POL-1');
    expect(document.text.startsWith('---')).toBe(true);
  });

  it('tabs, an empty file and a file with only frontmatter', () => {
    expect(parsePolicyDocument('/p.md', '').sections).toEqual([]);
    expect(parsePolicyDocument('/p.md', '---\nid: A\n---').frontmatter?.fields.get('id')?.value).toBe('A');
    expect(parsePolicyDocument('/p.md', '---\nid: A\n---\n').sections).toEqual([]);
    const tabs = parsePolicyDocument('/p.md', policy('#\tTabbed\n\n\t- **Lead**:\tx\n'));
    expect(tabs.frontmatter?.syntaxErrors).toEqual([]);
  });

  it('unterminated and TOML frontmatter are recognised, not parsed', () => {
    expect(parsePolicyDocument('/p.md', '---\nid: A\n# Title\n').frontmatter).toMatchObject({ closed: false, format: 'yaml' });
    const toml = parsePolicyDocument('/p.md', '+++\nid = "A"\n+++\n# T\n').frontmatter;
    expect(toml).toMatchObject({ closed: true, format: 'toml' });
    expect(toml?.data).toBeUndefined();
  });

  it('YAML errors and non-mapping frontmatter become syntax errors with ranges', () => {
    const text = '---\nid: [POL\nclauses: x\n---\n';
    const document = parsePolicyDocument('/p.md', text);
    expect(document.frontmatter!.syntaxErrors.length).toBeGreaterThan(0);
    for (const error of document.frontmatter!.syntaxErrors) expect(error.range.end).toBeLessThanOrEqual(text.length);
    expect(parsePolicyDocument('/p.md', '---\n- a\n- b\n---\n').frontmatter!.syntaxErrors[0]!.message).toMatch(/not a mapping of keys to values/);
  });

  it('a YAML alias bomb is refused quickly', () => {
    const lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 0; i < 9; i++) lines.push(`${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(9).fill(`*${String.fromCharCode(97 + i)}`).join(',')}]`);
    const document = parsePolicyDocument('/p.md', `---\n${lines.join('\n')}\n---\n`);
    expect(document.frontmatter!.syntaxErrors[0]?.message).toMatch(/cannot read the frontmatter/);
  });

  it('non-UTF-8 bytes are read with replacement characters and reported', () => {
    const decoded = decodeDocument(Buffer.from([0x2d, 0x2d, 0x2d, 0x0a, 0x69, 0x64, 0x3a, 0x20, 0xff, 0x0a, 0x2d, 0x2d, 0x2d, 0x0a]));
    expect(decoded.problem?.kind).toBe('encoding');
    expect(decoded.text).toContain('\uFFFD');
    expect(parsePolicyDocument('/p.md', decoded.text, decoded.problem).frontmatter?.fields.get('id')?.value).toBe('\uFFFD');
  });

  it('binary files and files over the size limit are not parsed', () => {
    expect(decodeDocument(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1])).problem?.kind).toBe('binary');
    const big = Buffer.alloc(20 * 1024 * 1024, 'a');
    const decoded = decodeDocument(big);
    expect(decoded.problem?.kind).toBe('too-large');
    expect(decoded.problem?.message).toMatch(/20\.0 MB, over the 2 MB/);
    const document = parsePolicyDocument('/p.md', 'x'.repeat(MAX_DOCUMENT_BYTES + 1));
    expect(document.readProblem?.kind).toBe('too-large');
    expect(document.sections).toEqual([]);
  });
});

describe("comply's header (YAML down to a --- line, no opening fence)", () => {
  it('is read as frontmatter, and its lines are not Markdown', () => {
    const text = 'name: Workstation Policy\r\nacronym: WP\r\nsatisfies:\r\n  TSC:\r\n    - CC6.8\r\n---\r\n\r\n# Purpose and Scope\r\n\r\nText.\r\n';
    const document = parsePolicyDocument('/p.md', text);
    const frontmatter = document.frontmatter!;
    expect(frontmatter).toMatchObject({ header: true, closed: true, format: 'yaml', data: { name: 'Workstation Policy', acronym: 'WP' } });
    expect(text.slice(frontmatter.range.start, frontmatter.range.end)).toBe(text.slice(0, text.indexOf('\r\n\r\n#') + 2));
    expect(text.slice(frontmatter.contentRange.end, frontmatter.range.end)).toBe('---\r\n');
    const field = frontmatter.fields.get('acronym')!;
    expect(text.slice(field.valueRange.start, field.valueRange.end)).toBe('WP');
    // Without the header the last key line over --- would be a setext heading.
    expect(document.sections.map((section) => section.title)).toEqual(['Purpose and Scope']);
    expect(document.title).toBe('Purpose and Scope');
  });

  it('keeps a YAML error as a syntax error, and stays a header while a key is half typed', () => {
    const duplicate = parsePolicyDocument('/p.md', 'name: A\nacronym: A\nname: B\n---\n# Body\n');
    expect(duplicate.frontmatter).toMatchObject({ header: true, syntaxErrors: [{ message: 'the key "name" appears twice; keep one' }] });
    expect(duplicate.sections.map((section) => section.title)).toEqual(['Body']);
    const text = 'name: A\nacronym: A\ncla\n---\n# Body\n';
    const typing = parsePolicyDocument('/p.md', text);
    expect(typing.frontmatter?.header).toBe(true);
    expect(completionSiteAt(typing, text.indexOf('cla') + 3)).toMatchObject({ kind: 'key', prefix: 'cla', present: ['name', 'acronym'] });
  });

  it('may hold a clausewise suppression comment', () => {
    const document = parsePolicyDocument('/p.md', 'name: A\n# clausewise-disable-file review-overdue\nacronym: A\n---\n# Body\n');
    expect(document.frontmatter?.header).toBe(true);
    expect(document.suppressions).toMatchObject([{ kind: 'disable-file', rules: ['review-overdue'], line: 1 }]);
  });

  it('is not assumed where the text can be ordinary Markdown', () => {
    const headings = (text: string) => {
      const document = parsePolicyDocument('/p.md', text);
      return [document.frontmatter, document.sections.map((section) => section.title)];
    };
    // One line over --- is a setext heading.
    expect(headings('Status: Draft\n---\n\nText.\n')).toEqual([undefined, ['Status: Draft']]);
    // A blank line or a # line means Markdown: a # line would be a heading, not a YAML comment.
    expect(headings('Owner: Jane\nStatus: Draft\n\n# Policy\n---\n')).toEqual([undefined, ['Policy']]);
    expect(headings('Owner: Jane\n# Policy\nStatus: Draft\n---\n')[0]).toBeUndefined();
    // Prose that is not a YAML mapping.
    expect(headings('Note: read this first\nand then the rest.\n---\n')[0]).toBeUndefined();
    // Not at the very top.
    expect(headings('\nOwner: Jane\nStatus: Draft\n---\n')[0]).toBeUndefined();
  });
});
