import type { ConfigResolver } from '../config/resolve';
import { PolicySet } from '../workspace/policySet';

/** The policy set governing each folder, one per config file, made on first use. */
export function policySets(resolver: ConfigResolver): { forDirectory(dir: string): PolicySet; all: Map<string, PolicySet> } {
  const all = new Map<string, PolicySet>();
  return {
    all,
    forDirectory(dir) {
      const { config, catalog } = resolver.forDirectory(dir);
      let set = all.get(config.file ?? '');
      if (!set) all.set(config.file ?? '', (set = new PolicySet(config, catalog)));
      return set;
    },
  };
}
