import flags from './serverNodeFlags.json';

/**
 * The Node flags the VS Code extension starts the language server with (other editors may pass the
 * same: see the README). A semi-space of 6 MB keeps the server's main thread at 12 MB of new space
 * instead of the 32 MB V8 grows it to while indexing: on 10,000 documents about 30 MB less memory,
 * for some 7 s more indexing CPU and no more CPU an edit (one run each; 4 MB saved a few MB more but
 * cost 40 s more indexing CPU and 12 ms an edit, 8 MB saved 15 MB less). V8 sizes the main thread's
 * heap when the process starts, so these cannot be set from inside it. `npm run bench:lsp` starts
 * the server with them too (it reads the JSON file).
 */
export const SERVER_NODE_FLAGS: readonly string[] = flags;
