import { describe, expect, it } from 'vitest';
import { FeedStoppedError } from '../../../main/feed/errors.js';
import { Limiter } from '../../../main/feed/limiter.js';

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve = () => {};
  const promise = new Promise<void>((done) => (resolve = done));
  return { promise, resolve };
}

describe('the limiter', () => {
  it('runs at most its limit at once and the rest in order', async () => {
    const limiter = new Limiter(2);
    const gates = [deferred(), deferred(), deferred()];
    const started: number[] = [];
    const signal = new AbortController().signal;

    const runs = gates.map((gate, index) =>
      limiter.run(async () => {
        started.push(index);
        await gate.promise;
      }, signal),
    );
    await Promise.resolve();
    expect(started).toEqual([0, 1]);

    gates[0]?.resolve();
    await runs[0];
    await Promise.resolve();
    expect(started).toEqual([0, 1, 2]);
    gates.forEach((gate) => gate.resolve());
    await Promise.all(runs);
    expect(limiter.running).toBe(0);
  });

  it('drops waiting tasks when the signal aborts, without running them', async () => {
    const limiter = new Limiter(1);
    const stop = new AbortController();
    const gate = deferred();
    let ranSecond = false;

    const first = limiter.run(() => gate.promise, stop.signal);
    const second = limiter.run(async () => {
      ranSecond = true;
    }, stop.signal);
    stop.abort();
    gate.resolve();

    await expect(second).rejects.toBeInstanceOf(FeedStoppedError);
    await first;
    expect(ranSecond).toBe(false);
    expect(limiter.running).toBe(0);
  });

  it('refuses a limit below 1', () => {
    expect(() => new Limiter(0)).toThrow(RangeError);
  });
});
