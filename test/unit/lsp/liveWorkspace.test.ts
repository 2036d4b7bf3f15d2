import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FileChangeType, TextDocuments, type WorkDoneProgressReporter } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LiveWorkspace, type WorkspaceListener } from '../../../server/src/lsp/workspace';
import { policyText, tempWorkspace } from '../../helpers/tempWorkspace';

const progress: WorkDoneProgressReporter = { begin: () => undefined, report: () => undefined, done: () => undefined };

describe('publishing after indexing', () => {
  it('does not publish a document again that went away between two slices', async () => {
    // More documents than one publishing slice, so publishing takes several turns of the event loop.
    const names = Array.from({ length: 120 }, (_, n) => `p${String(n).padStart(3, '0')}.md`);
    const root = tempWorkspace(Object.fromEntries(names.map((name, n) => [name, policyText(`POL-${n}`)])));
    const last = join(root, names.at(-1)!);
    const published: string[] = [];
    let live: LiveWorkspace | undefined = undefined;
    const listener: WorkspaceListener = {
      findingsChanged: (documents) => {
        published.push(...documents.map((document) => document.path));
        // The first slice is out: the last document is deleted before its slice goes.
        if (published.length === documents.length) {
          rmSync(last);
          void live!.filesChanged([{ uri: pathToFileURL(last).href, type: FileChangeType.Deleted }]);
        }
      },
      delivered: () => Promise.resolve(),
      dropped: () => undefined,
      reindexed: () => undefined,
      configErrors: () => undefined,
      coverageMayHaveChanged: () => undefined,
      indexed: () => undefined,
      log: (message) => expect.fail(message),
    };
    live = new LiveWorkspace(new TextDocuments(TextDocument), listener, () => 0, () => Promise.resolve(progress), root);
    live.folders.set([root]);
    await live.reindex();
    expect(published).toHaveLength(names.length - 1);
    expect(published).not.toContain(last);
    expect(live.session.get(last)).toBeUndefined();
  });
});
