import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { runAnchor } from '../clock/anchor.ts';
import { buildPki, type PkiMaterial } from './build.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    pki: PkiMaterial;
  }
}

/** Builds the test PKI and SoftHSM2 tokens once per run, around the run's anchor, in a fresh temporary folder. */
export default async function setup(project: TestProject): Promise<() => void> {
  const dir = mkdtempSync(join(tmpdir(), 'vanthu-pki-'));
  const pki = await buildPki(dir, runAnchor());
  project.provide('pki', pki);
  process.env['SOFTHSM2_CONF'] = pki.softhsm.conf;
  return () => rmSync(dir, { recursive: true, force: true });
}
