import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { BoardStepper, boardsPerSecondAt, DEFAULT_DWELL_SECONDS } from './board-stepper.js';

/** A press the test finishes by hand, and a record of how many ran at once. */
function heldPresses() {
  const pending: (() => void)[] = [];
  let running = 0;
  const record = { started: 0, mostAtOnce: 0 };
  const press = () =>
    new Promise<void>((resolve) => {
      record.started++;
      running++;
      record.mostAtOnce = Math.max(record.mostAtOnce, running);
      pending.push(() => {
        running--;
        resolve();
      });
    });
  const finishOne = () => pending.shift()?.();
  return { press, finishOne, record, pending };
}

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await sleep(1);
}

/** Stops the stepper with a press under way, which must end before it has stopped. */
async function stopDuringPress(stepper: BoardStepper, finishOne: () => void): Promise<void> {
  const stopped = stepper.stop();
  finishOne();
  await stopped;
}

const fail = (error: unknown) => {
  throw error;
};

describe('boardsPerSecondAt', () => {
  it("asks for one board a simulated default dwell: 3,600 over a 12-hour night at 72x's 600 real seconds", () => {
    expect(DEFAULT_DWELL_SECONDS).toBe(12);
    expect(boardsPerSecondAt(72) * 600).toBe(3600);
  });
});

describe('BoardStepper', () => {
  it('never starts a press while one is under way, even when it is behind', async () => {
    const { press, finishOne, record } = heldPresses();
    const stepper = new BoardStepper(press, 0.001, fail);
    for (let finished = 0; finished < 5; finished++) {
      await until(() => record.started > finished);
      await sleep(5);
      finishOne();
    }
    await until(() => stepper.presses === 5);
    await stopDuringPress(stepper, finishOne);
    expect(record.mostAtOnce).toBe(1);
  });

  it('waits for the press under way when paused, then starts none until resumed', async () => {
    const { press, finishOne, record } = heldPresses();
    const stepper = new BoardStepper(press, 0.001, fail);
    await until(() => record.started === 1);

    let paused = false;
    const pausing = stepper.pause().then(() => (paused = true));
    await sleep(10);
    expect(paused).toBe(false);
    finishOne();
    await pausing;
    await sleep(20);
    expect(record.started).toBe(1);

    stepper.resume();
    await until(() => record.started === 2);
    await stopDuringPress(stepper, finishOne);
  });

  it('starts no press when paused while waiting for the next one to be due', async () => {
    const { press, finishOne, record } = heldPresses();
    const stepper = new BoardStepper(press, 300, fail);
    await until(() => record.started === 1);
    finishOne();
    await sleep(5);
    await stepper.pause();
    await sleep(350);
    expect(record.started).toBe(1);

    stepper.resume();
    await until(() => record.started === 2);
    await stopDuringPress(stepper, finishOne);
  });

  it('counts its pace afresh after a pause: the first press after resume is not held back', async () => {
    const { press, finishOne, record } = heldPresses();
    const stepper = new BoardStepper(press, 60_000, fail);
    await until(() => record.started === 1);
    finishOne();
    await stepper.pause();
    stepper.resume();
    await until(() => record.started === 2);
    await stopDuringPress(stepper, finishOne);
    expect(stepper.presses).toBe(2);
  });

  it('tells of a press that failed and presses no more', async () => {
    const errors: unknown[] = [];
    let presses = 0;
    const stepper = new BoardStepper(
      () => {
        presses++;
        return Promise.reject(new Error('the page has closed'));
      },
      0.001,
      (error) => errors.push(error),
    );
    await until(() => errors.length === 1);
    await sleep(10);
    await stepper.stop();
    expect(presses).toBe(1);
    expect(stepper.presses).toBe(0);
  });
});
