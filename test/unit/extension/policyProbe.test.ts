import { execFileSync } from 'node:child_process';
import { lstatSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { anyPolicyFile, type ProbeFileSystem } from '../../../client/src/policyProbe';
import { policyText, tempWorkspace } from '../../helpers/tempWorkspace';

/** VS Code's file system on disk: a FIFO or device is type Unknown (0), a link adds SymbolicLink (64). */
function diskFileSystem(read: string[]): ProbeFileSystem<string> {
  return {
    stat: async (path) => {
      const stat = statSync(path);
      return { type: (stat.isFile() ? 1 : stat.isDirectory() ? 2 : 0) | (lstatSync(path).isSymbolicLink() ? 64 : 0), size: stat.size };
    },
    readFile: (path) => {
      read.push(path);
      return readFile(path);
    },
  };
}

describe('deciding whether to start the server reads only regular files of a sane size', () => {
  it('skips a FIFO, a link to /dev/zero and a 3 MB file, and finds the policy after them', async () => {
    const root = tempWorkspace({ 'z-policy.md': policyText('POL-A').replace('clauses: []', 'clauses: [5.1.1]') });
    execFileSync('mkfifo', [join(root, 'a-pipe.md')]);
    symlinkSync('/dev/zero', join(root, 'b-zero.md'));
    writeFileSync(join(root, 'c-huge.md'), 'x'.repeat(3 * 1024 * 1024));
    const read: string[] = [];
    const paths = ['a-pipe.md', 'b-zero.md', 'c-huge.md', 'z-policy.md'].map((name) => join(root, name));
    expect(await anyPolicyFile(paths, diskFileSystem(read))).toBe(true);
    expect(read).toEqual([join(root, 'z-policy.md')]);
  });

  it('says no when no file has Clausewise frontmatter, and a file gone since it was listed is no error', async () => {
    const root = tempWorkspace({ 'readme.md': '# Read me\n', 'notes.md': '---\ntitle: Notes\n---\n' });
    const read: string[] = [];
    expect(await anyPolicyFile([join(root, 'readme.md'), join(root, 'gone.md'), join(root, 'notes.md')], diskFileSystem(read))).toBe(false);
    expect(read).toHaveLength(2);
  });
});
