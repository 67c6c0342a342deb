import { performance } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../../main/services/log/logger.ts';
import { openTokenSigner } from '../../../main/services/tokens/open-signer.ts';
import { createTokenService } from '../../../main/services/tokens/token-service.ts';
import { usePki } from '../../support/pki/use-pki.ts';

const pki = usePki();

describe('token signing does not block the event loop', () => {
  it('a timer keeps ticking while the token hashes and signs a large input', async () => {
    const token = pki.certs['person']?.token;
    const { signer, close } = await openTokenSigner({
      modulePath: pki.softhsm.module,
      token: { label: token?.label ?? '' },
      keyIdHex: token?.keyIdHex ?? '',
      pin: '123456',
    });
    // CKM_SHA256_RSA_PKCS hashes inside the token, so 64 MB makes SoftHSM as slow as a USB token.
    const large = new Uint8Array(64 * 1024 * 1024).fill(7);
    const ticks: number[] = [];
    const timer = setInterval(() => ticks.push(performance.now()), 5);
    const started = performance.now();
    try {
      const signature = await signer.sign(large);
      const elapsed = performance.now() - started;
      expect(signature.length).toBe(256);
      const gaps = ticks.slice(1).map((t, i) => t - (ticks[i] ?? t));
      const longestGap = Math.max(0, ...gaps);
      // Relative, not absolute: had C_Sign run on the main thread there would be no tick during it,
      // and the longest gap would be the whole signing time.
      expect(ticks.length).toBeGreaterThanOrEqual(5);
      expect(longestGap).toBeLessThan(elapsed / 2);
    } finally {
      clearInterval(timer);
      await close();
    }
  });

  it('discovery on the same module waits for the signature in flight (one PKCS#11 operation at a time)', async () => {
    const token = pki.certs['person']?.token;
    const { signer, close } = await openTokenSigner({
      modulePath: pki.softhsm.module,
      token: { label: token?.label ?? '' },
      keyIdHex: token?.keyIdHex ?? '',
      pin: '123456',
    });
    const service = createTokenService({ log: silentLogger, userModulePaths: () => [] });
    await service.list([pki.softhsm.module]); // probe and load outside the race
    const finished: string[] = [];
    try {
      await Promise.all([
        signer.sign(new Uint8Array(32 * 1024 * 1024).fill(1)).then(() => finished.push('sign')),
        service.list([pki.softhsm.module]).then(() => finished.push('list')),
        service
          .preflight({ modulePath: pki.softhsm.module, token: { label: token?.label ?? '' }, keyIdHex: '01' })
          .then(() => finished.push('preflight')),
      ]);
      expect(finished).toEqual(['sign', 'list', 'preflight']);
    } finally {
      await close();
      service.stop();
    }
  });
});
