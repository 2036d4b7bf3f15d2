import { dirname, resolve } from 'node:path';
import type { ConfigResolver } from '../config/resolve';
import { PolicySet } from './policySet';

/**
 * The policy sets of one run or session: one per config file (and one for the documents no config
 * governs), made on first use from the resolver's config and catalog. A resolver that cannot use a
 * folder's config throws its DataFileError here.
 */
export class PolicySets {
  private readonly sets = new Map<string, PolicySet>();

  constructor(readonly resolver: ConfigResolver) {}

  /** The set governing the documents of a folder. */
  forDirectory(dir: string): PolicySet {
    const { config, catalog } = this.resolver.forDirectory(dir);
    const key = config.file ?? '';
    let set = this.sets.get(key);
    if (!set) this.sets.set(key, (set = new PolicySet(config, catalog)));
    return set;
  }

  /** The set governing a document. */
  forPath(path: string): PolicySet {
    return this.forDirectory(dirname(resolve(path)));
  }

  /** Every set made so far. */
  all(): PolicySet[] {
    return [...this.sets.values()];
  }

  /** Forgets every set (the resolver's configs are cleared by its owner). */
  clear(): void {
    this.sets.clear();
  }
}
