import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { HEAP_GROWING_PERCENT, heapGrowthFlags } from '../../../server/src/lsp/heapGrowth';
import { SERVER_NODE_FLAGS } from '../../../server/src/shared/serverNodeFlags';

describe('the language server\'s heap growth', () => {
  it('is limited when the node command line says nothing of it', () => {
    expect(heapGrowthFlags([])).toEqual([`--heap-growing-percent=${HEAP_GROWING_PERCENT}`]);
    expect(heapGrowthFlags(['--max-semi-space-size=4', '--inspect'])).toEqual([`--heap-growing-percent=${HEAP_GROWING_PERCENT}`]);
  });

  it('is left to the user who starts node with a growing factor of their own, however spelt', () => {
    expect(heapGrowthFlags(['--heap-growing-percent=50'])).toEqual([]);
    expect(heapGrowthFlags(['--max-semi-space-size=4', '--heap_growing_percent=25'])).toEqual([]);
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
