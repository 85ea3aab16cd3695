/** How many worker threads a portfolio is read with: by the tree's size and the cores, or as ADOPT_THREADS says. */
import { FILES_PER_THREAD, threadCount } from '../../src/commands/portfolio-threads.js';

describe('worker threads for a portfolio', () => {
  test('none for a tree too small to repay a worker, then one more per share of files, one core left to the main thread', () => {
    expect(threadCount(FILES_PER_THREAD - 1, {}, 2)).toBe(0);
    expect(threadCount(FILES_PER_THREAD, {}, 2)).toBe(1);
    expect(threadCount(FILES_PER_THREAD * 10, {}, 2)).toBe(1);
    expect(threadCount(FILES_PER_THREAD * 2, {}, 8)).toBe(2);
    expect(threadCount(FILES_PER_THREAD * 10, {}, 1)).toBe(0);
  });

  test('ADOPT_THREADS sets the number, never more than there are batches; a wrong value is ignored', () => {
    expect(threadCount(60, { ADOPT_THREADS: '1' }, 2)).toBe(1);
    expect(threadCount(5000, { ADOPT_THREADS: '0' }, 8)).toBe(0);
    expect(threadCount(20, { ADOPT_THREADS: '4' }, 8)).toBe(2);
    expect(threadCount(FILES_PER_THREAD, { ADOPT_THREADS: 'many' }, 2)).toBe(1);
    expect(threadCount(FILES_PER_THREAD, { ADOPT_THREADS: '' }, 2)).toBe(1);
  });
});
