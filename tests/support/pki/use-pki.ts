import { inject } from 'vitest';
import type { PkiMaterial } from './build.ts';

/** The run's test PKI (built by the global setup); SOFTHSM2_CONF is set for this process too. */
export function usePki(): PkiMaterial {
  const pki = inject('pki');
  process.env['SOFTHSM2_CONF'] = pki.softhsm.conf;
  return pki;
}
