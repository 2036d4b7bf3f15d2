import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../../server/src/catalog/load';
import type { Catalog } from '../../../server/src/catalog/catalog';
import { elementsFor } from '../../../server/src/config/elements';
import { ConfigResolver } from '../../../server/src/config/resolve';
import { parsePolicyDocument } from '../../../server/src/document/parse';
import { AnalysisThread } from '../../../server/src/engine/analysisThread';
import type { AnalysisJob } from '../../../server/src/engine/analysisJob';
import { suggestClauses, suggestionScores } from '../../../server/src/suggest/rank';
import type { SuggestOptions } from '../../../server/src/suggest/types';
import { corpusPolicies, repoRoot } from '../../helpers/paths';
import { tempWorkspace } from '../../helpers/tempWorkspace';

// npm test builds dist/ first; the thread runs the bundled worker, as the server does.
const worker = resolve(__dirname, '../../../dist/worker.js');

// Every third document of the corpus's sets: some eighteen real policies of all kinds, in a few seconds.
const corpus = corpusPolicies().filter((_, position) => position % 3 === 0);

/** Each control's score as the explained ranking gives it (0 for a control it leaves out), in catalog order. */
function rankedScores(text: string, catalog: Catalog, elementsOf?: SuggestOptions['elementsOf']): number[] {
  const ranked = new Map(suggestClauses(parsePolicyDocument('/ws/doc.md', text), catalog, { elementsOf }).map((suggestion) => [suggestion.control.id, suggestion.score]));
  return catalog.controls.map((control) => ranked.get(control.id) ?? 0);
}

describe('suggestionScores', () => {
  for (const [name, catalog] of [['ISO 27799:2016', loadCatalog()], ['ISO/IEC 27002:2022', loadCatalog(join(repoRoot, 'controls', 'iso27002-2022.yaml'))]] as const) {
    it(`gives every control of ${name} the very score Suggest Clauses gives it, for each corpus document`, () => {
      expect(corpus.length).toBeGreaterThan(15);
      for (const path of corpus) {
        const text = readFileSync(path, 'utf8');
        const scores = suggestionScores(parsePolicyDocument('/ws/doc.md', text), catalog);
        expect([...scores], path).toEqual(rankedScores(text, catalog));
        expect(scores.some((score) => score > 0), path).toBe(true);
      }
    });
  }
});

describe('a checking thread asked to score suggestions', () => {
  const text = '---\nid: POL-AR-1\ntitle: Access Reviews\nclauses: [9.2.5]\n---\n# Access Reviews\n\n## Access review frequency\n\nManagers recertify the accounts of their staff every quarter.\n\n## Backup\n\nNightly backups are encrypted.\n';

  it('keeps the scores of a policy document, with its config\'s elements, and none for other documents or without the flag', async () => {
    const root = tempWorkspace({
      '.clausewise.yaml': 'elements:\n  "9.2.5":\n    replace:\n      - id: review-frequency\n        title: Access review frequency\n        prompt: Say how often access is reviewed.\n',
    });
    const job = (name: string, body: string, scoreSuggestions: boolean): AnalysisJob => ({ path: join(root, name), text: body, cwd: root, configFile: join(root, '.clausewise.yaml'), today: '2026-06-01', parseSeconds: 5, scoreSuggestions });
    const thread = new AnalysisThread(worker);
    try {
      // The scores alone (Where Could This Go?'s first request): parsed without the rules, the same scores.
      const [policy, readme, unasked, scoresOnly] = await thread.run([job('access.md', text, true), job('README.md', '# About\n\nNotes.\n', true), job('other.md', text, false), { ...job('again.md', text, true), indexOnly: true }]);
      const { config, catalog } = new ConfigResolver(root, join(root, '.clausewise.yaml')).forDirectory(root);
      const expected = rankedScores(text, catalog, (control: Parameters<typeof elementsFor>[0]) => elementsFor(control, config));
      expect([...policy!.analyzed.suggestionScores!]).toEqual(expected);
      expect([...scoresOnly!.analyzed.suggestionScores!]).toEqual(expected);
      expect(scoresOnly!.analyzed.findings).toEqual([]);
      // The replaced element's heading counts: the config's elements were the thread's.
      expect(expected[catalog.controls.findIndex((control) => control.id === '9.2.5')]).not.toBe(rankedScores(text, catalog)[catalog.controls.findIndex((control) => control.id === '9.2.5')]);
      expect(readme!.analyzed.suggestionScores).toBeUndefined();
      expect(unasked!.analyzed.suggestionScores).toBeUndefined();
    } finally {
      await thread.close();
    }
  });
});
