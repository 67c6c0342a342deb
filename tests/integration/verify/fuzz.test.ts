import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { beforeAll, describe, expect, it } from 'vitest';
import { usePki } from '../../support/pki/use-pki.ts';
import { buildVerifyCorpus, type Corpus } from '../../support/verify/corpus.ts';

const pki = usePki();
const dir = mkdtempSync(join(tmpdir(), 'vanthu-verify-fuzz-'));
const MUTATIONS = 1200;
/** A hang cap per file, not a speed assertion: a file still running after this is a hang. */
const PER_FILE_CAP_MS = 15_000;
let corpus: Corpus;

interface Outcome {
  readonly index: number;
  readonly kind: string;
  readonly outcome: string;
}

function runFuzz(files: readonly string[]): Promise<{ outcomes: Outcome[]; hung: Outcome | null }> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('../../support/verify/fuzz-worker.ts', import.meta.url), {
      workerData: { files, count: MUTATIONS, trust: [pki.rootPem], cacheDir: join(dir, 'cache') },
    });
    const outcomes: Outcome[] = [];
    let current: Outcome | null = null;
    let timer: NodeJS.Timeout | undefined;
    const arm = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        void worker.terminate();
        resolve({ outcomes, hung: current });
      }, PER_FILE_CAP_MS);
    };
    arm();
    worker.on('message', (message: { type: string } & Outcome) => {
      if (message.type === 'start') {
        current = { index: message.index, kind: message.kind, outcome: 'running' };
        arm();
      } else if (message.type === 'done') {
        outcomes.push({ index: message.index, kind: message.kind, outcome: message.outcome });
      } else if (message.type === 'end') {
        clearTimeout(timer);
        void worker.terminate();
        resolve({ outcomes, hung: null });
      }
    });
    worker.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}

beforeAll(async () => {
  corpus = await buildVerifyCorpus(pki, join(dir, 'corpus'));
}, 120_000);

describe('fuzz: mutated signed files', () => {
  it(`${MUTATIONS} mutations: no crash, no hang, every result a verdict or a clear error`, async () => {
    const { outcomes, hung } = await runFuzz([
      corpus['vanthu-2'],
      corpus['vanthu-1+annot'],
      corpus['vanthu-2+field-locked'],
    ]);
    expect(hung, `mutation ${hung?.index} (${hung?.kind}) ran past the cap`).toBeNull();
    expect(outcomes).toHaveLength(MUTATIONS);
    const crashes = outcomes.filter((o) => o.outcome.startsWith('crash:'));
    expect(crashes.slice(0, 3)).toEqual([]);
    const allowed = /^(verdict:(valid|invalid|indeterminate)|error:PDF_MALFORMED)$/;
    expect(outcomes.filter((o) => !allowed.test(o.outcome)).slice(0, 3)).toEqual([]);
    // The damage is real: most mutations must be caught as invalid or unreadable.
    const caught = outcomes.filter((o) => o.outcome === 'verdict:invalid' || o.outcome === 'error:PDF_MALFORMED');
    expect(caught.length).toBeGreaterThan(MUTATIONS / 2);
  }, 900_000);
});
