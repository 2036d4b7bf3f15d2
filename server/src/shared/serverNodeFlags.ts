import flags from './serverNodeFlags.json';

/**
 * The Node flags the VS Code extension starts the language server with (other editors may pass the
 * same: see the README). A semi-space of 4 MB keeps the server's main thread at 8 MB of new space
 * instead of the 32 MB V8 grows it to while indexing, for about 24 MB less memory; the main thread
 * only files analyses and answers requests, so collecting its young objects more often costs little.
 * V8 sizes the main thread's heap when the process starts, so these cannot be set from inside it.
 * `npm run bench:lsp` starts the server with them too (it reads the JSON file).
 */
export const SERVER_NODE_FLAGS: readonly string[] = flags;
