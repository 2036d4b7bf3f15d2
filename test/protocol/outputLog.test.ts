import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { version } from '../../package.json';
import { tempWorkspace, policyText } from '../helpers/tempWorkspace';
import { copySamples, startServer, type TestServer } from './helpers/languageClient';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.stop();
  server = undefined;
});

/** The window/logMessage lines the server sent so far (what the "Clausewise" output channel shows), with their type. */
function logLines(current: TestServer): { type: number; message: string }[] {
  return current.received.filter((message) => message.method === 'window/logMessage').map((message) => message.params as { type: number; message: string });
}

const ERROR = 1;
const WARNING = 2;
const INFO = 3;

describe('the log the output channel shows', () => {
  it('says the version, the folders, how many documents were indexed and how long it took, and each policy set\'s config and catalog', async () => {
    server = startServer();
    const root = copySamples('with-problems');
    await server.initialize(root);
    const lines = logLines(server);
    const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    expect(lines).toContainEqual({ type: INFO, message: expect.stringMatching(new RegExp(`^Clausewise language server ${escaped(version)} \\(Node .+\\); workspace folders: ${escaped(root)}\\.$`)) });
    const indexed = lines.find((line) => line.message.startsWith('Indexed '));
    expect(indexed?.message).toMatch(/^Indexed \d+ Markdown files in \d+\.\d+ s: \d+ policy documents\.$/);
    const config = lines.find((line) => line.message.startsWith('Config: '));
    expect(config?.message).toContain(`Config: ${join(root, '.clausewise.yaml')}; catalog ISO 27799:2016`);
    expect(config?.message).toMatch(/114 controls, from .+\.yaml; \d+ Markdown files, \d+ policy documents\.$/);
  });

  it('lists every wrong entry left out of a config that is otherwise used, with its file, line and column', async () => {
    server = startServer();
    const root = tempWorkspace({
      '.clausewise.yaml': 'review-every: soon\norganisation-type: spaceship\nlimits:\n  parse-seconds: -3\n',
      'a.md': policyText('POL-A'),
    });
    await server.initialize(root);
    const warnings = logLines(server).filter((line) => line.type === WARNING).map((line) => line.message);
    const file = join(root, '.clausewise.yaml');
    expect(warnings).toEqual([
      'Left out of the config, which is otherwise used (3 problems; fix them to use those entries):',
      expect.stringContaining(`  ${file}:1:15: "review-every" has the wrong form`),
      `  ${file}:2:20: "organisation-type" must be one of care-provider, health-technology, other`,
      `  ${file}:4:18: "limits.parse-seconds" must be > 0`,
    ]);
    // The rest of the config is used: the document is checked.
    expect(logLines(server).find((line) => line.message.startsWith('Indexed '))?.message).toMatch(/^Indexed 1 Markdown file in .*: 1 policy document\.$/);
  });

  it('lists the problems of a config that cannot be used at all, and checks none of its documents', async () => {
    server = startServer();
    const root = tempWorkspace({ '.clausewise.yaml': 'rules: [unclosed\n', 'a.md': policyText('POL-A') });
    await server.initialize(root);
    const errors = logLines(server).filter((line) => line.type === ERROR).map((line) => line.message);
    expect(errors[0]).toMatch(/^The config cannot be used, so the documents it governs are not checked until it is fixed \(1 problem\):$/);
    expect(errors[1]).toContain(`${join(root, '.clausewise.yaml')}:1:`);
    expect(logLines(server).find((line) => line.message.startsWith('Indexed '))?.message).toMatch(/^Indexed 0 Markdown files in .*: 0 policy documents\.$/);
  });
});
