/** How long a request's loop over the documents runs before it lets the event loop answer other messages. */
export const REQUEST_SLICE_MS = 20;

/**
 * A pacer for a request's long loop: `await pace()` at each turn yields to the event loop once
 * `sliceMs` have passed since the last yield, so a cancellation (or another request) can arrive;
 * between yields it costs a clock read.
 */
export function yieldEvery(sliceMs = REQUEST_SLICE_MS): () => Promise<void> {
  let sliceStart = Date.now();
  return async () => {
    if (Date.now() - sliceStart < sliceMs) return;
    await new Promise((resolve) => setImmediate(resolve));
    sliceStart = Date.now();
  };
}
