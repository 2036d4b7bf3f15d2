import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isWalkedMarkdownFile, walkMarkdownFiles } from '../../../server/src/engine/markdownFiles';
import { tempWorkspace } from '../../helpers/tempWorkspace';

describe('Markdown files of a folder', () => {
  const root = tempWorkspace({
    '.git/HEAD': 'ref: refs/heads/main\n',
    '.gitignore': 'drafts/\nscratch.md\n',
    'policies/a.md': '# A\n',
    'policies/.gitignore': 'old.md\n',
    'policies/old.md': '# Old\n',
    'policies/b.markdown': '# B\n',
    'drafts/c.md': '# C\n',
    'scratch.md': '# Scratch\n',
    'node_modules/x/readme.md': '# X\n',
    'notes.txt': 'not markdown\n',
  });

  it('are walked honouring .gitignore at every level and skipping node_modules', () => {
    const found = new Set<string>();
    walkMarkdownFiles(root, found, [], () => true);
    expect([...found].map((path) => path.slice(root.length + 1)).sort()).toEqual(['policies/a.md', 'policies/b.markdown']);
  });

  it('are recognised one at a time the same way, for files that appear later', () => {
    const walked = (path: string) => isWalkedMarkdownFile(root, join(root, path));
    expect(['policies/a.md', 'policies/b.markdown', 'policies/new.md'].map(walked)).toEqual([true, true, true]);
    expect(['policies/old.md', 'drafts/c.md', 'scratch.md', 'node_modules/x/readme.md', 'notes.txt'].map(walked)).toEqual([false, false, false, false, false]);
    expect(isWalkedMarkdownFile(root, '/elsewhere/a.md')).toBe(false);
    // A folder whose name starts with two dots is inside the root all the same.
    expect(walked('..archive/d.md')).toBe(true);
    expect(isWalkedMarkdownFile(root, join(root, '..', 'sibling.md'))).toBe(false);
  });
});
