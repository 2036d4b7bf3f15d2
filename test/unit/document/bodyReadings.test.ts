import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../../server/src/document/body';
import { BodyReadings } from '../../../server/src/document/bodyReadings';
import { editedTree } from '../../../server/src/document/editedTree';
import { computeLineStarts } from '../../../server/src/document/lines';
import { parsePolicyDocument } from '../../../server/src/document/parse';
import type { PolicyDocument } from '../../../server/src/document/types';
import { corpusPolicies } from '../../helpers/paths';

/** What a document's body reading gives it, as plain data (section getters read). */
function bodyOf(document: PolicyDocument): unknown {
  const { sections, blocks, title, mentions, links, suppressions, unclosed } = document;
  return JSON.parse(JSON.stringify({ sections, blocks, title, mentions, links, suppressions, unclosed: unclosed ?? null }));
}

/** Parses each version in turn with one BodyReadings, as an editor's edits arrive; each must equal a fresh parse. */
function expectSameAsFresh(versions: string[]): PolicyDocument[] {
  const bodies = new BodyReadings();
  return versions.map((text) => {
    const reused = parsePolicyDocument('/ws/p.md', text, undefined, undefined, bodies);
    expect(bodyOf(reused)).toEqual(bodyOf(parsePolicyDocument('/ws/p.md', text)));
    return reused;
  });
}

const BODY = [
  '# Access Control Policy',
  '',
  '<!-- clausewise-disable-next-line untagged-mention -->',
  'See ISO 27799 9.2.5 and [the register](register.md).',
  '',
  '## Access Reviews',
  '',
  'Access is reviewed quarterly by the system owner.',
  '',
  '**3.3 Password Rules**',
  '',
  '- **Length**: at least 12 characters.',
  '- Lockout: after five failed attempts.',
  '',
  '| Item | Rule |',
  '|---|---|',
  '| Session time-out | 15 minutes |',
  '',
  '## Session Time-Out',
  '',
  'TODO',
  '',
  '```',
  'left open',
].join('\n');

describe('body readings of an open document', () => {
  it('keep the body when only the frontmatter changed, moved to where it now starts', () => {
    const [first, same, longer, shorter] = expectSameAsFresh([
      `---\nid: POL-1\nclauses: [9.2.5]\n---\n${BODY}`,
      `---\nid: POL-1\nclauses: [9.2.6]\n---\n${BODY}`,
      `---\nid: POL-1\n# clausewise-disable-next-line frontmatter-schema\nclauses:\n  - 9.2.5\n  - 9.4.2\n---\n${BODY}`,
      `---\nid: P\n---\n${BODY}`,
    ]);
    // Same length and lines: the very same reading (and so the same word index of its blocks).
    expect(same!.blocks).toBe(first!.blocks);
    expect(longer!.blocks).not.toBe(first!.blocks);
    expect(longer!.text.slice(longer!.sections[0]!.titleRange.start, longer!.sections[0]!.titleRange.end)).toBe('# Access Control Policy');
    expect(shorter!.suppressions.map((suppression) => suppression.line)).toEqual([5]);
  });

  it('read the body again when it changed, or when the frontmatter no longer parses as frontmatter', () => {
    const fenced = `---\nid: POL-1\nclauses: [9.2.5]\n---\n${BODY}`;
    expectSameAsFresh([
      fenced,
      fenced.replace('quarterly', 'annually'),
      // The closing fence gone: the YAML is Markdown now (a thematic break, a setext heading).
      `---\nid: POL-1\nclauses: [9.2.5]\n${BODY}`,
      fenced,
      // Closed with "...", or a comply header: blanked before parsing.
      `---\nid: POL-1\nclauses: [9.2.5]\n...\n${BODY}`,
      `name: Access\nacronym: AC\n---\n${BODY}`,
      fenced,
      `---\nid: POL-1\nclauses: [9.2.5]\n---  \n${BODY}`,
      `+++\nid = "POL-1"\n+++\n${BODY}`,
      `+++\nid = "POL-2"\n+++\n${BODY}`,
      BODY,
      BODY,
      `\r\n${BODY}`,
    ]);
  });

  it('give every real policy of the corpus the reading a fresh parse gives, as its frontmatter grows', () => {
    const files = corpusPolicies();
    expect(files.length).toBeGreaterThan(40);
    for (const file of files) {
      const body = readFileSync(file, 'utf8').replace(/^---\r?\n[\s\S]*?\r?\n---\r?\n/, '');
      expectSameAsFresh([`---\nid: A\nclauses: [9.2.5]\n---\n${body}`, `---\nid: A\nclauses:\n  - 9.2.5\n  - 12.3.1\n---\n${body}`, `---\nid: A\n---\n${body}`]);
    }
  }, 240_000);

  it('read an edited body as a fresh parse does, however the edit changes what follows it', () => {
    // Without the fence BODY leaves open at its end, so that its headings start afresh.
    const fenced = `---\nid: POL-1\nclauses: [9.2.5]\n---\n${BODY.replace('```\nleft open', '')}\n## After\n\nMore text.\n`;
    const at = (needle: string, insert: string, from = fenced) => from.replace(needle, `${needle}${insert}`);
    expectSameAsFresh([
      fenced,
      fenced.replace('quarterly', 'annually'),
      // A fence or comment opened above a heading swallows it and all after it.
      at('the system owner.', '\n\n```'),
      fenced,
      at('the system owner.', '\n\n<!--'),
      at('the system owner.', '\n<div>'),
      fenced,
      // The blank line before a heading gone; a heading marker changed; a list item continued.
      fenced.replace('quarterly by the system owner.\n\n', 'quarterly by the system owner.\n'),
      fenced.replace('## Access Reviews', '#Access Reviews'),
      fenced.replace('## Access Reviews', '  Access Reviews'),
      at('attempts.', '\n\n  continued'),
      // A link reference definition reaches across the document ("[Access Reviews]" becomes a link's text).
      fenced.replace('## Access Reviews', '## [Access Reviews]'),
      at('More text.', '\n\n[access reviews]: reviews.md', fenced.replace('## Access Reviews', '## [Access Reviews]')),
      fenced,
      fenced.replace('---\n# Access', '---\n## Access'),
      fenced.replace('TODO', 'Sessions lock after 15 minutes.'),
      fenced.replace('More text.\n', ''),
    ]);
  });

  it('read every real policy as a fresh parse does through a run of edits anywhere in it', () => {
    const files = corpusPolicies();
    const inserts = ['x', '\n', '\n\n', '\n\n# New heading\n\n', '```', '\n```\n', '<!--', '-->', '- ', '    ', '> ', '**', '|', '\t', '#'];
    let seed = 27799;
    let partly = 0;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    for (const file of files) {
      let text = `---\nid: A\nclauses: [9.2.5]\n---\n${readFileSync(file, 'utf8').replace(/^---\r?\n[\s\S]*?\r?\n---\r?\n/, '')}`;
      const versions = [text];
      for (let edit = 0; edit < 4; edit++) {
        const place = 30 + Math.floor(random() * (text.length - 30));
        const before = text;
        text = random() < 0.3 ? text.slice(0, place) + text.slice(place + 1 + Math.floor(random() * 20)) : text.slice(0, place) + inserts[Math.floor(random() * inserts.length)]! + text.slice(place);
        versions.push(text);
        // The tree parsed in part, positions and all, is the tree of the whole.
        const bodyStart = text.indexOf('\n---\n') + 5;
        const tree = editedTree({ text: before, tree: parseMarkdown(before) }, text, computeLineStarts(text), bodyStart);
        if (tree) expect(JSON.parse(JSON.stringify(tree))).toEqual(JSON.parse(JSON.stringify(parseMarkdown(text))));
        if (tree) partly++;
      }
      expectSameAsFresh(versions);
    }
    // Most edits parse only part of the text.
    expect(partly).toBeGreaterThan(files.length * 2);
  }, 240_000);
});

describe('editedTree from paragraphs', () => {
  it('parses in part from a paragraph that starts with a letter, and gives the tree of the whole whatever is typed or deleted anywhere', () => {
    const before = [
      '---', 'id: A', '---', '# Access Control', '', 'Intro paragraph one.', '', '- item one', '- item two', '', 'Lockout after five attempts.', '',
      '> quoted text', '', '## Reviews', '', 'Access reviews happen yearly.', '1. first', '2. second', '', 'Final words here.', '    not code', '', 'Étape finale.', '',
    ].join('\n');
    const bodyStart = before.indexOf('# Access');
    const inserts = ['x', '- ', '1. ', '2) ', '> ', '\n', '\n\n', '    ', '```', '<!--', '<div>', '#', '# ', '\n===\n', '|', '\n- ', '\n\n- ', '* ', '\t', '+'];
    let partly = 0;
    let fromParagraph = 0;
    for (let at = bodyStart + 1; at <= before.length; at++) {
      const edits = [...inserts.map((insert) => before.slice(0, at) + insert + before.slice(at)), before.slice(0, at) + before.slice(at + 1), before.slice(0, at) + before.slice(at + 3)];
      for (const text of edits) {
        const tree = editedTree({ text: before, tree: parseMarkdown(before) }, text, computeLineStarts(text), bodyStart);
        if (!tree) continue;
        partly++;
        expect(JSON.parse(JSON.stringify(tree)), JSON.stringify(text)).toEqual(JSON.parse(JSON.stringify(parseMarkdown(text))));
      }
      // Past the list, the intro paragraph (after the only heading) is kept as it was: the part parsed again starts at a later paragraph.
      if (at > before.indexOf('Lockout') + 1) {
        const previous = parseMarkdown(before);
        const typed = `${before.slice(0, at)}x${before.slice(at)}`;
        if (editedTree({ text: before, tree: previous }, typed, computeLineStarts(typed), bodyStart)?.children.includes(previous.children[2]!)) fromParagraph++;
      }
    }
    expect(partly).toBeGreaterThan(1000);
    expect(fromParagraph).toBeGreaterThan(50);
  });
});

describe('editedTree line numbers', () => {
  it('match a fresh parse after an edit whatever ends the lines ("\\r\\n", lone "\\r", "\\n")', () => {
    for (const nl of ['\r\n', '\r', '\n']) {
      const before = ['---', 'id: A', '---', '', '# One', '', 'text one', '', '# Two', '', 'text two', '', '# Three', '', 'three', ''].join(nl);
      const bodyStart = before.indexOf('# One');
      const edits = [
        [before.indexOf('text two'), `more${nl}${nl}lines${nl}`],
        [before.indexOf('text one') + 2, 'x'],
        [before.indexOf('three'), `${nl}${nl}# New${nl}${nl}`],
      ] as const;
      for (const [at, insert] of edits) {
        const text = before.slice(0, at) + insert + before.slice(at);
        const tree = editedTree({ text: before, tree: parseMarkdown(before) }, text, computeLineStarts(text), bodyStart);
        expect(tree).toBeDefined();
        expect(JSON.parse(JSON.stringify(tree))).toEqual(JSON.parse(JSON.stringify(parseMarkdown(text))));
      }
    }
  });
});
