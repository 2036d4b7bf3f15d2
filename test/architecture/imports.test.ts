import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/paths';

/** One import: the file that imports (repo-relative, '/'-separated) and what it names (a repo path without extension, or a package). */
interface Import {
  from: string;
  to: string;
}

function sourceFiles(folder: string): string[] {
  return readdirSync(join(repoRoot, folder), { recursive: true, encoding: 'utf8' })
    .filter((name) => /\.tsx?$/.test(name) && !name.endsWith('.d.ts'))
    .map((name) => `${folder}/${name.split(sep).join('/')}`);
}

/** Every static import, export-from, dynamic import and require of the files, as TypeScript reads them. */
function importsOf(files: string[]): Import[] {
  return files.flatMap((from) => {
    const { importedFiles } = ts.preProcessFile(readFileSync(join(repoRoot, from), 'utf8'), true, true);
    return importedFiles.map(({ fileName }) => ({
      from,
      to: fileName.startsWith('.') ? relative(repoRoot, resolve(dirname(join(repoRoot, from)), fileName)).split(sep).join('/').replace(/\.(ts|js|json)$/, '') : fileName,
    }));
  });
}

const imports = importsOf([...sourceFiles('server/src'), ...sourceFiles('client/src')]);

/** The top folder of server/src a repo path lies in ('rules', 'lsp', …), or undefined outside server/src. */
function area(path: string): string | undefined {
  return /^server\/src\/([^/]+)\//.exec(path)?.[1];
}

const isEditorPackage = (to: string) => /^(vscode-languageserver|vscode-languageclient|vscode-jsonrpc|vscode)(\/|$)/.test(to);

/** An import direction the layout forbids: which imports break it, and why it matters. */
interface Boundary {
  name: string;
  forbids(edge: Import): boolean;
}

const boundaries: Boundary[] = [
  {
    name: 'rules/, model/ and policy/ never import workspace/, engine/, lsp/ or cli/ (they are below the engine and both front ends)',
    forbids: ({ from, to }) => ['rules', 'model', 'policy'].includes(area(from)!) && ['workspace', 'engine', 'lsp', 'cli'].includes(area(to)!),
  },
  {
    name: 'model/ never imports rules/ (the rules read the model, not the other way round)',
    forbids: ({ from, to }) => area(from) === 'model' && area(to) === 'rules',
  },
  {
    name: 'policy/ never imports rules/ (the rules read what policy/ knows of a document; edit helpers built on rules/edits live in rules/)',
    forbids: ({ from, to }) => area(from) === 'policy' && area(to) === 'rules',
  },
  {
    name: 'the core (server/src but lsp/ and cli/) never imports lsp/, cli/ or an editor protocol package (protocol/, the boundary, may import the last)',
    forbids: ({ from, to }) => {
      if (!from.startsWith('server/src/') || ['lsp', 'cli'].includes(area(from)!)) return false;
      return ['lsp', 'cli'].includes(area(to)!) || (isEditorPackage(to) && area(from) !== 'protocol');
    },
  },
  {
    name: 'lsp/ and cli/ never import each other (front ends side by side)',
    forbids: ({ from, to }) => (area(from) === 'lsp' && area(to) === 'cli') || (area(from) === 'cli' && area(to) === 'lsp'),
  },
  {
    name: 'client/ imports nothing from server/src but the protocol module and the tiny shared/ beside it',
    forbids: ({ from, to }) => from.startsWith('client/') && to.startsWith('server/src/') && !['protocol', 'shared'].includes(area(to)!),
  },
];

describe('import directions', () => {
  it('are read from every source file of the server and the client', () => {
    // The scan itself: a reader that found nothing would let every boundary pass.
    expect(imports.filter((edge) => edge.from === 'server/src/rules/registry.ts').map((edge) => edge.to)).toContain('server/src/rules/missingElement');
    expect(imports.some((edge) => edge.from.startsWith('client/src/') && edge.to === 'server/src/protocol/customMessages')).toBe(true);
  });

  for (const boundary of boundaries) {
    it(boundary.name, () => {
      const broken = imports.filter((edge) => boundary.forbids(edge)).map((edge) => `${edge.from} imports ${edge.to}`);
      expect(broken).toEqual([]);
    });
  }

  it('reach a rule module only through the registry: rule files export no helpers others import', () => {
    const registry = 'server/src/rules/registry.ts';
    const ruleModules = new Set(imports.filter((edge) => edge.from === registry && area(edge.to) === 'rules' && !edge.to.endsWith('/types')).map((edge) => edge.to));
    expect(ruleModules.size).toBeGreaterThan(10);
    const reachedElsewhere = imports.filter((edge) => ruleModules.has(edge.to) && edge.from !== registry).map((edge) => `${edge.from} imports ${edge.to}`);
    expect(reachedElsewhere).toEqual([]);
  });
});
