import { jest } from '@jest/globals';
import { PeriodicTask } from './periodic-task.js';

describe('PeriodicTask', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('runs on every tick, never twice at once, and stop() waits for the run in progress', async () => {
    let release!: () => void;
    let runs = 0;
    const task = new PeriodicTask(
      'test',
      1000,
      () => {
        runs++;
        return new Promise<void>((r) => (release = r));
      },
      { warn: () => undefined },
    );
    task.start();
    jest.advanceTimersByTime(1000);
    jest.advanceTimersByTime(1000); // still running: skipped
    expect(runs).toBe(1);
    let stopped = false;
    const stopping = task.stop().then(() => (stopped = true));
    await Promise.resolve();
    expect(stopped).toBe(false);
    release();
    await stopping;
    expect(stopped).toBe(true);
    jest.advanceTimersByTime(5000);
    expect(runs).toBe(1);
  });

  it('logs a failed run and keeps going', async () => {
    const warnings: string[] = [];
    let runs = 0;
    const task = new PeriodicTask(
      'flaky',
      10,
      async () => {
        runs++;
        throw new Error('boom');
      },
      { warn: (m: string) => warnings.push(m) },
    );
    task.start();
    jest.advanceTimersByTime(10);
    await Promise.resolve();
    await Promise.resolve();
    await Promise.resolve();
    jest.advanceTimersByTime(10);
    await task.stop();
    expect(runs).toBe(2);
    expect(warnings[0]).toBe('flaky failed: Error: boom');
  });
});
