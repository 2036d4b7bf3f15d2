import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import * as oniguruma from 'vscode-oniguruma';
import { INITIAL, Registry, type IGrammar, type IRawGrammar } from 'vscode-textmate';
import { repoRoot } from '../../helpers/paths';

const ID = 'constant.numeric.clause-id.clausewise';

/** A stand-in for VS Code's Markdown grammar with the scopes the injections look at (frontmatter, code). */
const markdownStub = {
  scopeName: 'text.html.markdown',
  patterns: [{ include: '#frontMatter' }, { include: '#fenced' }, { include: '#raw' }],
  repository: {
    frontMatter: { begin: '\\A(-{3,})(.*)$', while: '^(?! {,3}\\1-*[ \\t]*$|[ \\t]*\\.{3}$)', contentName: 'meta.embedded.block.frontmatter', patterns: [] },
    fenced: { begin: '^```', end: '^```', name: 'markup.fenced_code.block.markdown' },
    raw: { match: '`[^`]*`', name: 'markup.inline.raw.string.markdown' },
  },
};

const grammarFiles: Record<string, string> = {
  'clausewise.clause-references.injection': 'grammars/clause-references.tmLanguage.json',
  'clausewise.frontmatter-clauses.injection': 'grammars/frontmatter-clauses.tmLanguage.json',
};

let markdown: IGrammar;

beforeAll(async () => {
  const wasm = readFileSync(join(repoRoot, 'node_modules/vscode-oniguruma/release/onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new Registry({
    onigLib: Promise.resolve({ createOnigScanner: (sources) => new oniguruma.OnigScanner(sources), createOnigString: (text) => new oniguruma.OnigString(text) }),
    loadGrammar: async (scopeName) => {
      if (scopeName === 'text.html.markdown') return markdownStub as unknown as IRawGrammar;
      const file = grammarFiles[scopeName];
      return file ? (JSON.parse(readFileSync(join(repoRoot, file), 'utf8')) as IRawGrammar) : null;
    },
    getInjections: (scopeName) => (scopeName === 'text.html.markdown' ? Object.keys(grammarFiles) : undefined),
  });
  markdown = (await registry.loadGrammar('text.html.markdown'))!;
});

/** The clause ids the grammars mark in `text`, line by line. */
function clauseIds(text: string): string[] {
  let stack = INITIAL;
  const ids: string[] = [];
  for (const line of text.split('\n')) {
    const result = markdown.tokenizeLine(line, stack);
    for (const token of result.tokens) if (token.scopes.includes(ID)) ids.push(line.slice(token.startIndex, token.endIndex));
    stack = result.ruleStack;
  }
  return ids;
}

describe('the injection grammars', () => {
  it('mark clause references in the body, in every written form', () => {
    expect(clauseIds('See ISO 27799 9.4.2, ISO 27799:2016 §9.4.3, 27799 12.3.1, ISO/IEC 27799 5.1 and §18.1.4.')).toEqual(['9.4.2', '9.4.3', '12.3.1', '5.1', '18.1.4']);
    expect(clauseIds('Under the 2022 catalog: ISO/IEC 27002:2022 5.15, 27002 8.10 and ISO/IEC 27002:2013 9.4.2.')).toEqual(['5.15', '8.10', '9.4.2']);
  });

  it('leave bare numbers, versions and code alone', () => {
    expect(clauseIds('Version 9.4.2 of the tool; section 12.3.1; ISO 27001 9.4.2; 127799 9.4.2; ISO/IEC 27002:2005 10.1')).toEqual([]);
    expect(clauseIds('Cite it as `ISO 27799 9.4.2` in code.')).toEqual([]);
    expect(clauseIds('```\nISO 27799 9.4.2\n```')).toEqual([]);
  });

  it('mark clause ids in the frontmatter clauses list and exclusions only', () => {
    const document = [
      '---',
      'id: POL-AC-001',
      'version: 2.1.0',
      'clauses: [9.1.1, 9.1.2] # the access controls',
      'excludes:',
      '  - clause: 11.1.6',
      '    justification: No loading area; see 9.4.2 elsewhere.',
      "  - clause: '11.1.5'",
      'related: [POL-IS-001]',
      '---',
      'clauses: [1.2.3] is body text here.',
    ].join('\n');
    expect(clauseIds(document)).toEqual(['9.1.1', '9.1.2', '11.1.6', '11.1.5']);
  });

  it('mark a block-style clauses list', () => {
    expect(clauseIds(['---', 'clauses:', '  - 9.4.2', '  - "12.3.1"', 'owner: CISO 1.2.3', '---'].join('\n'))).toEqual(['9.4.2', '12.3.1']);
  });
});
