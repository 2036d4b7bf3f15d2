import type { ControlPage, ControlPageClaim, ControlPageElement, ControlPageMapping, WrittenExclusion } from '../../../server/src/protocol/controlMessages';
import type { CoverageState } from '../../../server/src/protocol/customMessages';
import { standingBadge } from './exclusionRegister';
import { badge, escape, openLink, pageShell, type Tone } from './pageShell';

const COVERAGE: Record<CoverageState, [Tone, string]> = { covered: ['good', '✓'], partial: ['warn', '◐'], excluded: ['neutral', '⊘'], gap: ['bad', '✗'] };

/** Each element state's tone, mark and words. */
const ELEMENT: Record<ControlPageElement['state'], [Tone, string, string]> = {
  heading: ['good', '✓', 'under a heading'],
  prose: ['good', '✓', 'in the text'],
  empty: ['warn', '◐', 'left empty'],
  missing: ['bad', '✗', 'not found'],
};

/** The page of one control: guidance, each claiming document with its facts and elements, exclusions and mappings. */
export function controlPageHtml(page: ControlPage, nonce: string): string {
  const [tone, mark] = COVERAGE[page.state];
  const body = `<header>
<h1>${escape(`${page.id} ${page.title}`)}</h1>
<p class="muted">${escape([page.catalog.name, ...page.place].join(' › '))}</p>
<p id="state">${badge(tone, mark, page.state)}${page.essential ? ` ${badge('neutral', '!', 'essential: may not be excluded')}` : ''} <span class="muted">as of ${escape(page.today)}</span></p>
</header>
<p>${escape(page.summary)}</p>
${page.health ? `<p><strong>In a health organisation:</strong> ${escape(page.health)}</p>` : ''}
${page.reasons.length && page.state !== 'covered' ? `<ul id="reasons">${page.reasons.map((reason) => `<li>${escape(reason)}</li>`).join('')}</ul>` : ''}
<h2>Documents that claim it</h2>
${page.claims.length ? page.claims.map(claimSection).join('\n') : unclaimed(page)}
<h2>Exclusions</h2>
${page.exclusions.length ? exclusionTable(page.exclusions) : `<p class="muted">No document excludes ${escape(page.id)}.</p>`}
<h2>Mappings</h2>
${page.mappings.length ? page.mappings.map(mappingList).join('\n') : '<p class="muted">No mapping into another framework.</p>'}
<p class="muted">Elements, hints and guidance are Clausewise's baseline, written in its own words: not the standard's text.</p>`;
  return pageShell(`${page.id} ${page.title}`, body, nonce);
}

function unclaimed(page: ControlPage): string {
  return `<p class="muted">No document claims ${escape(page.id)}. A document that claims it is expected to address:</p><ul>${page.elements.map((element) => `<li>${escape(element.title)}</li>`).join('')}</ul>`;
}

function claimSection(claim: ControlPageClaim): string {
  const name = claim.documentId ?? claim.path;
  const facts: [string, string | undefined][] = [
    ['File', claim.path],
    ['Owner', claim.owner],
    ['Status', claim.status],
    ['Version', claim.version],
    ['Approved by', claim.approvedBy],
    ['Effective', claim.effective],
    ['Last reviewed', claim.lastReviewed],
    ['Review due', claim.reviewDue && `${claim.reviewDue}${claim.overdue ? ' (overdue)' : ''}`],
    ...(claim.via ? [['Claimed as', claim.via.join(', ')] as [string, string]] : []),
  ];
  const standing = claim.complete ? badge('good', '✓', 'covers it') : badge('warn', '◐', 'does not cover it yet');
  return `<section class="claim" aria-label="${escape(`${name} ${claim.title ?? ''}`.trim())}">
<h3>${openLink(claim.uri, claim.line, `${name}${claim.title ? ` ${claim.title}` : ''}`, `Open ${claim.path} at its claim, line ${claim.line + 1}`)} ${standing}</h3>
<dl class="facts">${facts.map(([label, value]) => `<dt>${label}</dt><dd>${escape(value ?? '—')}</dd>`).join('')}</dl>
<table class="elements"><thead><tr><th scope="col">Element</th><th scope="col">State</th><th scope="col">Where, and what it says</th></tr></thead>
<tbody>${claim.elements.map((element) => elementRow(claim, element)).join('')}</tbody></table>
</section>`;
}

function elementRow(claim: ControlPageClaim, element: ControlPageElement): string {
  const [tone, mark, words] = ELEMENT[element.state];
  const where = element.line === undefined ? '' : openLink(claim.uri, element.line, `line ${element.line + 1}`, `Open ${claim.path} at line ${element.line + 1}, where ${element.title} is ${words}`);
  const quote = element.quote ? `<blockquote>${marked(element.quote, element.marks)}</blockquote>` : '';
  const hint = element.hint ? `<p class="muted">To write: ${escape(element.hint)}</p>` : '';
  return `<tr data-element="${escape(element.id)}" data-state="${element.state}"><th scope="row">${escape(element.title)}</th><td>${badge(tone, mark, words)}</td><td>${where}${quote}${hint}</td></tr>`;
}

/** The quote with its matched spans in <mark> (underlined and bold too, so not by colour alone). */
function marked(quote: string, marks: ControlPageElement['marks']): string {
  let html = '';
  let at = 0;
  for (const { start, end } of marks) {
    if (start < at) continue;
    html += `${escape(quote.slice(at, start))}<mark>${escape(quote.slice(start, end))}</mark>`;
    at = end;
  }
  return html + escape(quote.slice(at));
}

function exclusionTable(exclusions: WrittenExclusion[]): string {
  const rows = exclusions.map((exclusion) => {
    const link = openLink(exclusion.uri, exclusion.line, exclusion.documentId ?? exclusion.path, `Open ${exclusion.path} at the exclusion, line ${exclusion.line + 1}`);
    return `<tr><td>${link}</td><td>${escape(exclusion.owner ?? '—')}</td><td>${escape(exclusion.justification ?? '—')}</td><td>${escape(exclusion.until ?? 'no expiry')}</td><td>${escape(exclusion.effect)}</td><td>${standingBadge(exclusion)}${exclusion.problems.length ? ` ${escape(exclusion.problems.join('; '))}` : ''}</td></tr>`;
  });
  return `<table id="exclusions"><thead><tr><th scope="col">Excluded by</th><th scope="col">Owner</th><th scope="col">Justification</th><th scope="col">Until</th><th scope="col">Effect</th><th scope="col">Standing</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function mappingList(mapping: ControlPageMapping): string {
  const items = mapping.links.map((link) => `<li>${escape(`${link.id}${link.title ? ` ${link.title}` : ''}`)}${link.addedInReview ? ' <span class="muted">(added in review)</span>' : ''}</li>`);
  return `<h3>${escape(mapping.title)}${mapping.notes.length ? ` <span class="muted">(${escape(mapping.notes.join('; '))})</span>` : ''}</h3><ul>${items.join('')}</ul>`;
}
