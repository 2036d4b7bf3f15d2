import { elementsFor, isEssential } from '../config/elements';
import type { CatalogTree, ScopeParams } from '../protocol/customMessages';
import type { PolicySet } from '../engine/policySet';
import type { ServerContext } from './context';
import { requestSet } from './scope';


/** clausewise/catalog: categories › objectives › controls of the catalog in scope, with the elements its config expects. */
export function catalogTree(context: ServerContext, params: ScopeParams | null): CatalogTree {
  const { set } = requestSet(context, params);
  let tree = trees.get(set);
  if (!tree) trees.set(set, (tree = buildTree(set)));
  return tree;
}

/** Each policy set's tree, built once: it depends only on the set's catalog and config, which a set keeps for life. */
const trees = new WeakMap<PolicySet, CatalogTree>();

function buildTree({ catalog, config }: PolicySet): CatalogTree {
  return {
    catalog: { id: catalog.info.id, name: catalog.info.name, short: catalog.info.short, title: catalog.info.title },
    categories: catalog.categories.map((category) => ({
      id: category.id,
      title: category.title,
      objectives: category.objectives.map((objective) => ({
        id: objective.id,
        title: objective.title,
        ...(objective.implicit ? { implicit: true } : {}),
        controls: objective.controls.map((control) => ({
          id: control.id,
          title: control.title,
          essential: isEssential(control, config),
          elements: elementsFor(control, config).map((element) => ({ id: element.id, title: element.title })),
        })),
      })),
    })),
  };
}
