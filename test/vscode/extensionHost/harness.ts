import { languages, type Diagnostic, type Disposable, type Event, type Uri } from 'vscode';

/** One extension-host test: a name and an async body that throws on failure. */
export interface HostTest {
  name: string;
  run(): Promise<void>;
}

/** Runs the tests in order, printing `PASS name` / `FAIL name: reason` (the runners count these lines); throws if any failed. */
export async function runTests(tests: HostTest[]): Promise<void> {
  let failed = 0;
  for (const test of tests) {
    const started = Date.now();
    try {
      await test.run();
      console.log(`PASS ${test.name} (${Date.now() - started} ms)`);
    } catch (error) {
      failed++;
      console.log(`FAIL ${test.name}: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
    }
  }
  console.log(`extension host: ${tests.length - failed} passed, ${failed} failed`);
  if (failed) throw new Error(`${failed} extension-host tests failed`);
}

/** Throws with `message` unless `condition` holds. */
export function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

/** Resolves with the next value `event` fires that satisfies `accept`; rejects after `ms` saying what it waited for. */
export function nextEvent<T>(event: Event<T>, what: string, accept: (value: T) => boolean = () => true, ms = 30_000): Promise<T> {
  return new Promise((resolve, reject) => {
    let subscription: Disposable | undefined;
    const timer = setTimeout(() => {
      subscription?.dispose();
      reject(new Error(`timed out after ${ms} ms waiting for ${what}`));
    }, ms);
    subscription = event((value) => {
      if (!accept(value)) return;
      clearTimeout(timer);
      subscription?.dispose();
      resolve(value);
    });
  });
}

/** The rule id of a diagnostic (`code` is a string, or `{ value, target }` when it links to the docs). */
export function ruleOf(diagnostic: Diagnostic): string {
  const code = diagnostic.code;
  return typeof code === 'object' && code !== null ? String(code.value) : String(code);
}

/** The document's diagnostics once `accept` holds for them (now, or after a diagnostics-changed event). */
export async function diagnosticsWhen(uri: Uri, accept: (diagnostics: Diagnostic[]) => boolean, what: string, ms = 30_000): Promise<Diagnostic[]> {
  const now = languages.getDiagnostics(uri);
  if (accept(now)) return now;
  const describe = () => languages.getDiagnostics(uri).map((diagnostic) => ruleOf(diagnostic)).join(', ') || 'none';
  try {
    await nextEvent(languages.onDidChangeDiagnostics, what, (event) => event.uris.some((changed) => changed.toString() === uri.toString()) && accept(languages.getDiagnostics(uri)), ms);
  } catch (error) {
    throw new Error(`${(error as Error).message} (diagnostics of ${uri.fsPath} now: ${describe()})`);
  }
  return languages.getDiagnostics(uri);
}

/** Whether any diagnostic has this rule id. */
export function hasRule(diagnostics: Diagnostic[], rule: string): boolean {
  return diagnostics.some((diagnostic) => ruleOf(diagnostic) === rule);
}
