import { readFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { isVanthuError } from '../../../preload/contract/index.ts';
import { createFileRevocationCache } from '../../../main/services/pdf/verify/revocation-cache.ts';
import { loadTrustStore } from '../../../main/services/pdf/verify/trust-store.ts';
import { verifyPdfBytes } from '../../../main/services/pdf/verify/verify-document.ts';
import { mutate } from './mutate.ts';

/**
 * Runs in a worker thread so the test can stop it if one file hangs: verifies mutation after
 * mutation and reports each outcome (a verdict, an error code, or a crash) as it goes.
 */
interface Job {
  readonly files: readonly string[];
  readonly count: number;
  readonly trust: readonly string[];
  readonly cacheDir: string;
}

const job = workerData as Job;
const bases = job.files.map((f) => new Uint8Array(readFileSync(f)));
const anchors = loadTrustStore(job.trust);
const cache = createFileRevocationCache(job.cacheDir);

for (let i = 0; i < job.count; i++) {
  const base = bases[i % bases.length] as Uint8Array;
  const { kind, bytes } = mutate(base, i);
  parentPort?.postMessage({ type: 'start', index: i, kind });
  let outcome: string;
  try {
    const { report } = await verifyPdfBytes(bytes, `mutation-${i}.pdf`, { anchors, offline: true, cache });
    outcome = `verdict:${report.verdict}`;
  } catch (error) {
    outcome = isVanthuError(error)
      ? `error:${error.code}`
      : `crash:${error instanceof Error ? error.stack : String(error)}`;
  }
  parentPort?.postMessage({ type: 'done', index: i, kind, outcome });
}
parentPort?.postMessage({ type: 'end' });
