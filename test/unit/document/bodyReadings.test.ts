import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BodyReadings } from '../../../server/src/document/bodyReadings';
import { parsePolicyDocument } from '../../../server/src/document/parse';
import type { PolicyDocument } from '../../../server/src/document/types';

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
    const dir = join(__dirname, '..', '..', 'corpus');
    const files = ['datica', 'comply'].flatMap((set) => readdirSync(join(dir, set), { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.md')).map((name) => join(dir, set, name)));
    expect(files.length).toBeGreaterThan(40);
    for (const file of files) {
      const body = readFileSync(file, 'utf8').replace(/^---\r?\n[\s\S]*?\r?\n---\r?\n/, '');
      expectSameAsFresh([`---\nid: A\nclauses: [9.2.5]\n---\n${body}`, `---\nid: A\nclauses:\n  - 9.2.5\n  - 12.3.1\n---\n${body}`, `---\nid: A\n---\n${body}`]);
    }
  });
});
