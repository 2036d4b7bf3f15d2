import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../../client/src/commands/ids';
import { manifestRuleSettings } from '../../../server/src/rules/docs';
import { rules } from '../../../server/src/rules/registry';
import { repoRoot } from '../../helpers/paths';

interface Manifest {
  engines: { vscode: string };
  devDependencies: Record<string, string>;
  icon: string;
  activationEvents: string[];
  capabilities: { untrustedWorkspaces: { supported: string; restrictedConfigurations: string[] } };
  contributes: {
    commands: { command: string; title: string; category: string }[];
    configuration: { properties: Record<string, { properties?: Record<string, unknown> }> };
    grammars: { path: string; injectTo: string[] }[];
    snippets: { path: string }[];
    jsonValidation: { url: string }[];
    yamlValidation: { url: string }[];
    problemMatchers: { name: string }[];
    viewsContainers: { activitybar: { icon: string }[] };
  };
}

const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as Manifest;

describe('the extension manifest', () => {
  it('contributes every command the client registers, with a title and the Clausewise category', () => {
    const contributed = manifest.contributes.commands.map((command) => command.command).sort();
    expect(contributed).toEqual(Object.values(COMMANDS).sort());
    for (const command of manifest.contributes.commands) {
      expect(command.category).toBe('Clausewise');
      expect(command.title.length).toBeGreaterThan(3);
    }
  });

  it('offers a severity setting for exactly the rules the config schema knows', () => {
    const schema = JSON.parse(readFileSync(join(repoRoot, 'controls/schema/config.schema.json'), 'utf8'));
    const settings = manifest.contributes.configuration.properties;
    expect(Object.keys(settings['clausewise.rules']?.properties ?? {}).sort()).toEqual(Object.keys(schema.properties.rules.properties).sort());
    expect(Object.keys(settings).sort()).toEqual(['clausewise.catalog', 'clausewise.coverage.badge', 'clausewise.debounce', 'clausewise.rules', 'clausewise.trace.server']);
  });

  it("describes each rule's setting as the rule itself does (npm run generate writes them; edits by hand drift)", () => {
    expect(manifest.contributes.configuration.properties['clausewise.rules']?.properties).toEqual(manifestRuleSettings(rules));
  });

  it('names files that exist: icon, grammars, snippets, schemas', () => {
    const paths = [
      manifest.icon,
      ...manifest.contributes.grammars.map((grammar) => grammar.path),
      ...manifest.contributes.snippets.map((snippet) => snippet.path),
      ...manifest.contributes.jsonValidation.map((entry) => entry.url),
      ...manifest.contributes.yamlValidation.map((entry) => entry.url),
      ...manifest.contributes.viewsContainers.activitybar.map((container) => container.icon),
    ];
    for (const path of paths) expect(existsSync(join(repoRoot, path)), path).toBe(true);
    for (const snippet of manifest.contributes.snippets) expect(() => JSON.parse(readFileSync(join(repoRoot, snippet.path), 'utf8'))).not.toThrow();
  });

  it('targets VS Code 1.100 (code-server 4.100.3 on Node 20) and keeps the problem matcher', () => {
    expect(manifest.engines.vscode).toBe('^1.100.0');
    expect(manifest.devDependencies['@types/vscode']).toMatch(/^1\.100\./);
    expect(manifest.contributes.problemMatchers.map((matcher) => matcher.name)).toContain('clausewise');
  });

  it('runs limited in untrusted workspaces and activates on configs and Markdown', () => {
    expect(manifest.capabilities.untrustedWorkspaces.supported).toBe('limited');
    expect(manifest.capabilities.untrustedWorkspaces.restrictedConfigurations).toEqual(['clausewise.catalog']);
    expect(manifest.activationEvents).toEqual(expect.arrayContaining(['workspaceContains:**/.clausewise.yaml', 'onLanguage:markdown']));
  });
});
