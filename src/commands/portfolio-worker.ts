/**
 * A worker thread of `adopt portfolio`: reads the batches of files it is sent and sends back
 * their summaries. Built as its own entry (dist/portfolio-worker.js); parsing and checking a
 * file is the work, and a second core halves it on a large tree.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { loadTranslator, type Lang } from '../i18n/index.js';
import { readEach } from './portfolio-read.js';
import type { Batch, BatchRead } from './portfolio-threads.js';

const { lang, today } = workerData as { lang: Lang; today: string };
const t = await loadTranslator(lang);
parentPort!.on('message', async ({ start, files }: Batch) => {
  parentPort!.postMessage({ start, read: await readEach(files, { t, today }) } satisfies BatchRead);
});
parentPort!.postMessage('ready');
