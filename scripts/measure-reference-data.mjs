// Time and memory the reference data add to a process. Run after `npm run build`:
//   node --expose-gc scripts/measure-reference-data.mjs
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';

const gc = globalThis.gc ?? (() => undefined);
gc();
const before = process.memoryUsage();
const t0 = performance.now();
const { referenceData } = await import(pathToFileURL(`${process.cwd()}/dist/src/reference/reference-data.js`).href);
const data = referenceData();
const loadMs = performance.now() - t0;
gc();
const after = process.memoryUsage();
const mb = (bytes) => Math.round((bytes / 1048576) * 10) / 10;
console.log(
  JSON.stringify({
    loadMs: Math.round(loadMs),
    rssAddedMB: mb(after.rss - before.rss),
    heapUsedAddedMB: mb(after.heapUsed - before.heapUsed),
    communes: data.geography.communes.size,
    version: data.version,
  }),
);
