import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { HEAP_GROWING_PERCENT, heapGrowthFlag } from '../../../server/src/lsp/heapGrowth';
import { SERVER_NODE_FLAGS } from '../../../server/src/shared/serverNodeFlags';

describe('the language server\'s heap growth', () => {
  it('is limited once the workspace is indexed, and left to V8 while it is indexed', () => {
    expect(heapGrowthFlag(true, [])).toBe(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
    expect(heapGrowthFlag(true, ['--max-semi-space-size=4', '--inspect'])).toBe(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
    expect(heapGrowthFlag(false, [])).toBe('--heap-growing-percent=0');
  });

  it('is left to the user who starts node with a growing factor of their own, however spelt', () => {
    expect(heapGrowthFlag(true, ['--heap-growing-percent=50'])).toBeUndefined();
    expect(heapGrowthFlag(false, ['--max-semi-space-size=4', '--heap_growing_percent=25'])).toBeUndefined();
  });
});

describe('the Node flags the VS Code extension starts the server with', () => {
  it('are ones Node accepts, so the server starts (a flag Node refused would end it at once)', () => {
    const run = spawnSync(process.execPath, [...SERVER_NODE_FLAGS, '-e', 'process.stdout.write("started")'], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe('started');
    expect(SERVER_NODE_FLAGS.length).toBeGreaterThan(0);
  });
});
