import type { ClauseMention } from '../document/types';
import type { Catalog } from './catalog';

/**
 * Whether a body reference cites a clause of this catalog. "§9.4.2" cites whichever catalog is in use.
 * Under ISO/IEC 27002:2022 (short name 27002), "ISO/IEC 27002:2022 5.15" and "27002 5.15" do, and an
 * ISO 27799 or 27002:2013 reference does not; under every other catalog, ISO 27799 references do, as before.
 */
export function citesCatalog(mention: ClauseMention, catalog: Catalog): boolean {
  const standard = /27799|27002/.exec(mention.text)?.[0];
  if (standard === undefined) return true;
  if (catalog.info.short !== '27002') return standard === '27799';
  const year = /:\s*(\d{4})/.exec(mention.text)?.[1];
  return standard === '27002' && (year === undefined || catalog.info.name.includes(year));
}

/** The body references that cite this catalog. */
export function mentionsOf(mentions: ClauseMention[], catalog: Catalog): ClauseMention[] {
  return mentions.every((mention) => citesCatalog(mention, catalog)) ? mentions : mentions.filter((mention) => citesCatalog(mention, catalog));
}
