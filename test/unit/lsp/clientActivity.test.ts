import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ClientActivity } from '../../../server/src/lsp/clientActivity';

describe('work that waits for a pause of the client (the workspace\'s diagnostics, the coverage notification)', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  const activity = () => new ClientActivity(250, () => Date.now());

  it('goes ahead at once when the client has sent nothing yet', async () => {
    const ran = vi.fn();
    void activity().pause().then(ran);
    await vi.advanceTimersByTimeAsync(0);
    expect(ran).toHaveBeenCalled();
  });

  it('never runs while the client keeps sending requests or edits, and runs once it stops for the quiet period', async () => {
    const client = activity();
    const ran = vi.fn();
    client.touch();
    void client.pause().then(ran);
    for (let keystroke = 0; keystroke < 20; keystroke++) {
      await vi.advanceTimersByTimeAsync(100);
      expect(ran).not.toHaveBeenCalled();
      client.touch();
    }
    await vi.advanceTimersByTimeAsync(249);
    expect(ran).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(ran).toHaveBeenCalledOnce();
  });

  it('counts the quiet period from the last request, not from when the work asked', async () => {
    const client = activity();
    client.touch();
    await vi.advanceTimersByTimeAsync(200);
    expect(client.isQuiet()).toBe(false);
    const ran = vi.fn();
    void client.pause().then(ran);
    await vi.advanceTimersByTimeAsync(50);
    expect(ran).toHaveBeenCalledOnce();
  });
});
