import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runJob } from '../../../server/src/engine/runJob';
import type { PolicySet } from '../../../server/src/engine/policySet';
import { policyText, tempWorkspace } from '../../helpers/tempWorkspace';

describe('a checking thread given a past revision\'s config text', () => {
  it('leaves out the config\'s wrong parts when the job says so (dropInvalid), as the main thread does', () => {
    const root = tempWorkspace({});
    // A misspelt rule beside a real one: the editor drops the first and keeps the second.
    const configText = 'rules:\n  missing-elements: off\n  untagged-mention: off\n';
    const text = policyText('POL-A', '', '# Policy\n\nSee ISO 27799 12.3.1 for backups.\n');
    const job = { path: join(root, 'a.md'), text, configFile: join(root, '.clausewise.yaml'), configText, cwd: root, today: '2026-06-01', parseSeconds: 30, dropInvalid: true };
    const ruleIds = (config: string) => runJob({ ...job, configText: config }, new Map<string, PolicySet>()).analyzed.findings.map((finding) => finding.ruleId);
    // Without the kept rule the mention is reported, so its absence below is that rule's doing.
    expect(ruleIds('rules:\n  missing-elements: off\n')).toContain('untagged-mention');
    expect(ruleIds(configText)).not.toContain('untagged-mention');
    expect(() => runJob({ ...job, dropInvalid: false }, new Map<string, PolicySet>())).toThrow(/missing-elements/);
  });
});
