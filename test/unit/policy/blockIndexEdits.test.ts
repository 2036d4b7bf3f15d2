import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PolicySet } from '../../../server/src/engine/policySet';
import { runJob } from '../../../server/src/engine/runJob';
import { corpusPolicies } from '../../helpers/paths';
import { tempWorkspace } from '../../helpers/tempWorkspace';

/** What an analysis says of a document's elements and findings, as plain data. */
const verdict = (result: ReturnType<typeof runJob>) => JSON.parse(JSON.stringify({ elements: result.analyzed.summary.elements, findings: result.analyzed.findings }));

describe('the evidence of a document open in an editor', () => {
  it('is found through a run of edits exactly as in a fresh reading of each version (the blocks an edit left alone are not read again)', () => {
    const root = tempWorkspace({});
    const sets = new Map<string, PolicySet>();
    const inserts = [' access review', '\n\n', ' quarterly', 'x', '\n\n## Backups\n\nBackups are tested monthly.\n\n', '- ', '**', '<!--', ' not applicable'];
    let seed = 27799;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const files = corpusPolicies().filter((_file, index) => index % 4 === 0);
    for (const file of files) {
      const path = join(root, basename(file));
      let text = `---\nid: A\nclauses: [5.1.1, 9.2.5, 9.4.2, 12.3.1, 12.4.1, 16.1.1]\n---\n${readFileSync(file, 'utf8').replace(/^---\r?\n[\s\S]*?\r?\n---\r?\n/, '')}`;
      const job = (version: string, keepDocument: boolean) => runJob({ path, text: version, cwd: root, today: '2026-12-01', parseSeconds: 30, keepDocument }, sets);
      job(text, true);
      for (let edit = 0; edit < 4; edit++) {
        const place = 60 + Math.floor(random() * (text.length - 60));
        text = random() < 0.3 ? text.slice(0, place) + text.slice(place + 1 + Math.floor(random() * 20)) : text.slice(0, place) + inserts[Math.floor(random() * inserts.length)]! + text.slice(place);
        expect(verdict(job(text, true)), `${basename(file)}, edit ${edit + 1}`).toEqual(verdict(job(text, false)));
      }
    }
    expect(files.length).toBeGreaterThan(10);
  }, 240_000);
});
