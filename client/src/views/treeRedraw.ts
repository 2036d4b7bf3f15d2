import type { TreeView } from 'vscode';

/** How long a reveal waits for VS Code to ask for a refreshed tree (it asks only while the view is visible). */
const REDRAW_WAIT_MS = 5_000;
/** How long a reveal waits for the revealed element to be reported selected. */
const SELECTION_WAIT_MS = 3_000;

/** Whether VS Code has asked for a tree's top level since the tree was last refreshed. */
export class Redraw {
  private pending?: Promise<void>;
  private resolve: () => void = () => undefined;

  /** The tree fired a refresh: VS Code will ask for the top level again. */
  start(): void {
    this.pending ??= new Promise((resolve) => (this.resolve = resolve));
  }

  /** VS Code asked for the top level. */
  asked(): void {
    this.pending = undefined;
    this.resolve();
  }

  /** Resolves once VS Code has asked since the last refresh, or after REDRAW_WAIT_MS. */
  done(): Promise<void> {
    return this.pending ? within(this.pending, REDRAW_WAIT_MS) : Promise.resolve();
  }
}

/** True when `element` is among the view's selection now or becomes so within SELECTION_WAIT_MS. */
export function selectedSoon<T>(view: TreeView<T>, element: T): Promise<boolean> {
  if (view.selection.includes(element)) return Promise.resolve(true);
  return new Promise((resolve) => {
    const finish = (selected: boolean) => {
      clearTimeout(timer);
      subscription.dispose();
      resolve(selected);
    };
    const subscription = view.onDidChangeSelection((event) => event.selection.includes(element) && finish(true));
    const timer = setTimeout(() => finish(view.selection.includes(element)), SELECTION_WAIT_MS);
  });
}

function within(promise: Promise<unknown>, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    void promise.then(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}
