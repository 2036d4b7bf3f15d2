// A tool for writing element evidence: shows where each element of a control is found in a folder of
// real policies (default: the JupiterOne templates, which no label or evaluation uses), so a catalog
// author sees what the evidence catches and what it misses. Evidence can come from a fragment file
// (control id → element id → groups) laid over the catalog, so several authors can work at once.
//   node scripts/run-ts.mjs scripts/evidence-probe.ts <control-id…> [--fragment FILE] [--corpus DIR] [--all] [--grep WORD]
//   --all        print every block found (default: the first 6 per element)
//   --grep WORD  also list blocks containing WORD (stemmed) where the element was not found: near misses
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parse } from 'yaml';
import { loadCatalog } from '../server/src/catalog/load';
import { parsePolicyDocument } from '../server/src/document/parse';
import type { PolicyDocument } from '../server/src/document/types';
import { packageRoot } from '../server/src/packageRoot';
import { BlockIndex } from '../server/src/policy/blockIndex';
import { evidencePatterns, evidenceProblems } from '../server/src/policy/evidence';
import { normalizeWord, wordsOf } from '../server/src/text/words';

const args = process.argv.slice(2);
const option = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const corpus = resolve(option('--corpus') ?? join(packageRoot(), '..', 'shared', 'corpus', 'jupiterone', 'templates'));
const fragment = option('--fragment');
const grep = option('--grep');
const showAll = args.includes('--all');
const controls = args.filter((arg, index) => !arg.startsWith('--') && !['--corpus', '--fragment', '--grep'].includes(args[index - 1] ?? ''));

const catalog = loadCatalog();
if (fragment) {
  const overlay = parse(readFileSync(fragment, 'utf8')) as Record<string, Record<string, string[][]>>;
  for (const [controlId, elements] of Object.entries(overlay ?? {})) {
    const control = catalog.control(controlId);
    if (!control) throw new Error(`${fragment}: ${controlId} is not a control`);
    for (const [elementId, groups] of Object.entries(elements)) {
      const element = control.elements.find((candidate) => candidate.id === elementId);
      if (!element) throw new Error(`${fragment}: ${controlId} has no element ${elementId}`);
      const [first] = evidenceProblems(groups);
      if (first) throw new Error(`${fragment}: ${controlId}/${elementId}: ${first.problem}`);
      element.evidence = groups;
    }
  }
}

function markdownFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return markdownFiles(path);
    return /\.md(\.tmpl)?$/.test(name) ? [path] : [];
  });
}

const documents: PolicyDocument[] = markdownFiles(corpus).map((path) => parsePolicyDocument(path, readFileSync(path, 'utf8')));
const snippet = (document: PolicyDocument, start: number, end: number) => document.text.slice(start, end).replace(/\s+/g, ' ').slice(0, 220);

for (const id of controls) {
  const control = catalog.control(id);
  if (!control) throw new Error(`${id} is not a control`);
  console.log(`\n=== ${control.id} ${control.title}`);
  for (const element of control.elements) {
    const patterns = evidencePatterns(element);
    const hits: string[] = [];
    const misses: string[] = [];
    let documentsFound = 0;
    for (const document of documents) {
      const index = BlockIndex.of(document);
      const found = patterns.map((pattern) => index.find(pattern)).find(Boolean);
      if (found) {
        documentsFound++;
        hits.push(`  ${relative(corpus, document.path)}: '${found.words.join(' … ')}'\n      ${snippet(document, found.block.range.start, found.block.range.end)}`);
      } else if (grep) {
        const stem = normalizeWord(grep.toLowerCase());
        for (const block of document.blocks) {
          const text = block.own.map((range) => document.text.slice(range.start, range.end)).join(' ');
          if (wordsOf(text).some((word) => word.stem === stem)) {
            misses.push(`  ${relative(corpus, document.path)}: ${snippet(document, block.range.start, block.range.end)}`);
            break;
          }
        }
      }
    }
    console.log(`\n-- ${element.id} (${element.title}): found in ${documentsFound}/${documents.length} documents`);
    console.log(`   evidence: ${element.evidence.map((group) => `[${group.join(', ')}]`).join(' + ') || '(none)'}`);
    for (const hit of showAll ? hits : hits.slice(0, 6)) console.log(hit);
    if (misses.length) console.log(`   not found, but containing "${grep}":\n${misses.slice(0, 8).join('\n')}`);
  }
}
