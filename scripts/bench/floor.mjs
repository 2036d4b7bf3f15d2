// The floor: read every file and parse it with remark (unified + remark-parse + remark-frontmatter)
// and yaml, on one thread, nothing else. Usage: node scripts/bench/floor.mjs DIR [K/N]
// With K/N, only every N-th file from the K-th on (for the floor split over N processes).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { LineCounter, parseDocument } from 'yaml';

const dir = process.argv[2];
const [part, parts] = (process.argv[3] ?? '0/1').split('/').map(Number);
const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']);
let nodes = 0;
const names = readdirSync(dir).filter((file) => file.endsWith('.md')).sort();
for (const name of names.filter((_, index) => index % parts === part)) {
  const text = readFileSync(join(dir, name), 'utf8');
  const tree = processor.parse(text);
  const yaml = tree.children[0]?.type === 'yaml' ? tree.children[0].value : '';
  parseDocument(yaml, { lineCounter: new LineCounter() });
  nodes += tree.children.length;
}
console.log(`parsed, ${nodes} top-level nodes`);
