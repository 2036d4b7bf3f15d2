import { readFileSync, statSync } from 'node:fs';
import type { StepResult } from './uiTest';

/** What may be in the .vsix: vsce's own two files and what runs. Anything else fails the check. */
const ALLOWED = [
  /^extension\.vsixmanifest$/,
  /^\[Content_Types\]\.xml$/,
  /^extension\/(package\.json|readme\.md|changelog\.md|LICENSE\.txt)$/,
  /^extension\/dist\/(client|server|worker|soa-xlsx)\.js$/,
  /^extension\/dist\/catalogs\/[\w.-]+\.json$/,
  /^extension\/controls\/[\w.-]+\.yaml$/,
  /^extension\/controls\/schema\/[\w-]+\.schema\.json$/,
  /^extension\/grammars\/[\w-]+\.tmLanguage\.json$/,
  /^extension\/client\/images\/(icon\.png|activity\.svg)$/,
  /^extension\/client\/snippets\/[\w-]+\.json$/,
];

/** What must be in it for the extension to run. */
const REQUIRED = [
  'extension/package.json', 'extension/readme.md', 'extension/LICENSE.txt', 'extension/changelog.md',
  'extension/dist/client.js', 'extension/dist/server.js', 'extension/dist/worker.js', 'extension/dist/soa-xlsx.js', 'extension/dist/catalogs/iso27799-2016.yaml.json',
  'extension/controls/iso27799-2016.yaml', 'extension/controls/schema/config.schema.json', 'extension/controls/schema/frontmatter.schema.json',
  'extension/controls/schema/catalog.schema.json', 'extension/grammars/clause-references.tmLanguage.json', 'extension/grammars/frontmatter-clauses.tmLanguage.json',
  'extension/client/images/icon.png', 'extension/client/snippets/markdown.json',
];

const MAX_BYTES = 2 * 1024 * 1024;

/** The names in a zip file, from its central directory. */
export function zipEntries(path: string): string[] {
  const zip = readFileSync(path);
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0) throw new Error(`${path} is not a zip file (no end of central directory)`);
  const count = zip.readUInt16LE(end + 10);
  let offset = zip.readUInt32LE(end + 16);
  const names: string[] = [];
  for (let index = 0; index < count; index++) {
    if (zip.readUInt32LE(offset) !== 0x02014b50) throw new Error(`${path}: broken central directory entry ${index}`);
    const nameLength = zip.readUInt16LE(offset + 28);
    const extraLength = zip.readUInt16LE(offset + 30);
    const commentLength = zip.readUInt16LE(offset + 32);
    names.push(zip.toString('utf8', offset + 46, offset + 46 + nameLength));
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

/** Checks the packaged extension: only allowed files, every required one, under 2 MB. */
export function checkVsix(path: string): StepResult[] {
  const started = Date.now();
  const entries = zipEntries(path).filter((name) => !name.endsWith('/'));
  const unexpected = entries.filter((name) => !ALLOWED.some((pattern) => pattern.test(name)));
  const missing = REQUIRED.filter((name) => !entries.includes(name));
  const size = statSync(path).size;
  const ms = Date.now() - started;
  return [
    { name: `vsix holds only what runs (${entries.length} files)`, ok: unexpected.length === 0, ms, ...(unexpected.length ? { error: `unexpected: ${unexpected.join(', ')}` } : {}) },
    { name: 'vsix holds every file the extension needs', ok: missing.length === 0, ms, ...(missing.length ? { error: `missing: ${missing.join(', ')}` } : {}) },
    { name: `vsix is under 2 MB (${(size / 1024).toFixed(0)} KB)`, ok: size < MAX_BYTES, ms, ...(size < MAX_BYTES ? {} : { error: `${size} bytes` }) },
  ];
}
