// Builds controls/iso27002-2022.yaml from controls/sources/iso27002-2022.yaml (what is only ours for 2022) and the
// ISO 27799:2016 catalog (ids and titles of the 2022 controls, the Annex B correspondence in each 2016 control's
// maps.iso27002_2022, the elements of the 2013 predecessors and their curated HIPAA links). Run by `npm run
// generate`; test/unit/catalog/catalog2022.test.ts fails when the committed file differs from what this makes.
import { readFileSync } from 'node:fs';
import { Document, isScalar, parse, visit } from 'yaml';
import type { Catalog } from '../server/src/catalog/catalog';
import { builtInCatalogPath } from '../server/src/catalog/builtIn';
import { parseCatalog } from '../server/src/catalog/load';
import type { Control, Element } from '../server/src/catalog/types';
import { packagePath } from '../server/src/packageRoot';

/** The hand-written source, relative to the package root. */
export const SOURCE_2022 = 'controls/sources/iso27002-2022.yaml';

interface RawElement {
  id: string; title: string; aliases?: string[]; prompt: string; 'applies-to'?: string[]; evidence?: string[][];
}
interface OwnControl {
  summary: string; health?: string; essential?: boolean; reason?: string; keep?: string[]; elements?: RawElement[];
}
interface Source { themes: Record<string, string>; controls: Record<string, OwnControl> }

const HEADER = `# GENERATED FILE: do not edit. \`npm run generate\` writes it (scripts/catalog2022.ts) from
# ${SOURCE_2022} (summaries, health notes, essential flags, elements of the new controls: our own
# words) and controls/iso27799-2016.yaml (the 2013 predecessors' elements, the Annex B correspondence, HIPAA links).
#
# ISO/IEC 27002:2022 control catalog for Clausewise: 4 themes, 93 controls. Control numbers and titles are facts
# from the standard's table of contents. Everything else is Clausewise's own wording; the elements are CLAUSEWISE'S
# BASELINE (what we expect a policy claiming a control to address), not the standard's text and not its "shall"
# statements. A control that merges 2013 controls takes its elements from theirs (chosen in the source where they
# number more than five); maps.iso27002_2013 is the reverse of the Annex B correspondence (correspondence, not
# equivalence). maps.hipaa carries over the curated HIPAA links of the 2013 predecessors in the ISO 27799:2016
# catalog: derived, not official, and not reviewed again for 2022.
`;

/** The catalog file's text, as committed. */
export function render2022Catalog(): string {
  const source = parse(readFileSync(packagePath(SOURCE_2022), 'utf8')) as Source;
  const path2016 = builtInCatalogPath('iso27799-2016');
  const old = parseCatalog(readFileSync(path2016, 'utf8'), path2016);
  const document = new Document(build2022(source, old));
  // Short lists (ids, aliases, evidence groups) are written on one line, as in the 2016 catalog.
  visit(document, { Seq: (_, node) => { if (node.items.every((item) => isScalar(item))) node.flow = true; } });
  return `${HEADER}${wrapFlowLists(document.toString({ lineWidth: 118, flowCollectionPadding: false }))}`;
}

const WIDTH = 118;

/** The yaml library puts each item of a long flow list on its own line; fill the lines instead, as people write them. */
function wrapFlowLists(text: string): string {
  return text.replace(/^(.*)\[\n((?:[^\n]*\n)*?)\s*\]$/gm, (_, before: string, body: string) => {
    const items = body.split('\n').map((line) => line.trim()).filter(Boolean);
    const indent = ' '.repeat(before.length + 1);
    const lines = [`${before}[`];
    for (const [index, item] of items.entries()) {
      const last = lines.length - 1;
      const line = lines[last]!;
      const separator = line.endsWith('[') ? '' : ' ';
      if (line.length + separator.length + item.length + (index === items.length - 1 ? 1 : 0) > WIDTH && !line.endsWith('[')) lines.push(`${indent}${item}`);
      else lines[last] = `${line}${separator}${item}`;
    }
    return `${lines.join('\n')}]`;
  });
}

function build2022(source: Source, old: Catalog): object {
  const titles = old.frameworks.iso27002_2022?.items ?? {};
  const problems: string[] = [];
  for (const id of Object.keys(source.controls)) if (!(id in titles)) problems.push(`${SOURCE_2022}: "${id}" is not an ISO/IEC 27002:2022 control`);
  const predecessorsOf = (id: string) => old.controls.filter((control) => control.maps.iso27002_2022?.includes(id));
  const categories = Object.entries(source.themes).map(([theme, title]) => ({
    id: theme,
    title,
    controls: Object.keys(titles)
      .filter((id) => id.startsWith(`${theme}.`))
      .map((id) => {
        const own = source.controls[id];
        if (!own) {
          problems.push(`${SOURCE_2022}: control ${id} (${titles[id]}) is missing; add its summary`);
          return {};
        }
        return control2022(id, titles[id]!, own, predecessorsOf(id), old, problems);
      }),
  }));
  if (problems.length > 0) throw new Error(problems.join('\n'));
  const hipaa = old.frameworks.hipaa;
  return {
    catalog: {
      id: 'iso27002-2022',
      name: 'ISO/IEC 27002:2022',
      short: '27002',
      title: 'ISO/IEC 27002:2022 Information security, cybersecurity and privacy protection — Information security controls',
      version: '1.0.0',
      notice:
        'Control numbers and titles are those of ISO/IEC 27002:2022. Every summary, health note and element is Clausewise\'s own wording and Clausewise\'s baseline expectation, not text or requirements of the standard.',
    },
    frameworks: {
      iso27002_2013: {
        title: 'ISO/IEC 27002:2013 (ISO 27799:2016)',
        short: '27002:2013',
        derivation: 'The reverse of the ISO/IEC 27002:2022 Annex B correspondence (identifiers only); correspondence, not equivalence.',
        alternateTitles: true,
        items: Object.fromEntries(old.controls.map((control) => [control.id, control.title])),
      },
      ...(hipaa
        ? {
            hipaa: {
              title: hipaa.title,
              short: 'HIPAA',
              derivation: 'Carried over, not official: the curated links of each control\'s ISO/IEC 27002:2013 predecessors in the ISO 27799:2016 catalog, through the Annex B correspondence; not reviewed again for 2022.',
              items: hipaa.items,
            },
          }
        : {}),
    },
    categories,
  };
}

function control2022(id: string, title: string, own: OwnControl, predecessors: Control[], old: Catalog, problems: string[]): object {
  const elements = [...(own.keep || !own.elements ? inherited(id, own.keep, predecessors, old, problems) : []), ...(own.elements ?? [])];
  if (elements.length < 2 || elements.length > 5) problems.push(`${SOURCE_2022}: control ${id} has ${elements.length} elements; keep 2 to 5`);
  if (predecessors.length === 0 && !own.elements) problems.push(`${SOURCE_2022}: control ${id} has no 2013 predecessor; write its elements`);
  const hipaaOrder = Object.keys(old.frameworks.hipaa?.items ?? {});
  const hipaa = [...new Set(predecessors.flatMap((control) => control.maps.hipaa ?? []))].sort((a, b) => hipaaOrder.indexOf(a) - hipaaOrder.indexOf(b));
  const maps = {
    ...(predecessors.length > 0 ? { iso27002_2013: predecessors.map((control) => control.id) } : {}),
    ...(hipaa.length > 0 ? { hipaa } : {}),
  };
  return {
    id,
    title,
    summary: own.summary,
    ...(own.health ? { health: own.health } : {}),
    ...(own.essential ? { essential: true, reason: own.reason } : {}),
    elements,
    ...(Object.keys(maps).length > 0 ? { maps } : {}),
  };
}

/**
 * The predecessors' elements (those `keep` names, in its order, or all), each once, in the catalog file's form;
 * "14.2.1/code-review" names an element of a 2016 control that is not a predecessor.
 */
function inherited(id: string, keep: string[] | undefined, predecessors: Control[], old: Catalog, problems: string[]): RawElement[] {
  const all = new Map<string, Element>();
  for (const element of predecessors.flatMap((control) => control.elements)) if (!all.has(element.id)) all.set(element.id, element);
  const chosen = keep ?? [...all.keys()];
  return chosen.flatMap((entry) => {
    const [from, elementId] = entry.includes('/') ? entry.split('/') as [string, string] : [undefined, entry];
    const element = from === undefined ? all.get(elementId) : old.control(from)?.elements.find((candidate) => candidate.id === elementId);
    if (!element) {
      const where = from === undefined
        ? `none of ${predecessors.map((control) => control.id).join(', ') || 'its (no) predecessors'} has; choose among ${[...all.keys()].join(', ')}`
        : `control ${from} of the 2016 catalog does not have`;
      problems.push(`${SOURCE_2022}: control ${id} keeps "${entry}", which ${where}`);
      return [];
    }
    return [rawElement(element)];
  });
}

function rawElement(element: Element): RawElement {
  return {
    id: element.id,
    title: element.title,
    ...(element.aliases.length > 0 ? { aliases: element.aliases } : {}),
    prompt: element.prompt,
    ...(element.appliesTo ? { 'applies-to': element.appliesTo } : {}),
    ...(element.evidence.length > 0 ? { evidence: element.evidence } : {}),
  };
}
