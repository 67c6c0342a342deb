import { describe, expect, it } from 'vitest';
import type { ModuleWorker } from '../../../main/services/tokens/module-worker.ts';
import { openTokenSigner } from '../../../main/services/tokens/open-signer.ts';

describe('what a signature request carries to the token’s thread', () => {
  it('is exactly the bytes to sign, not the pooled buffer a small Buffer views', async () => {
    const posted: Uint8Array[] = [];
    // A fake at the worker port: it records what would be posted to the thread.
    const worker: ModuleWorker = {
      modulePath: '/fake/module.so',
      generation: 0,
      call: ((op: string, args: { data?: Uint8Array }) => {
        if (op === 'open') {
          return Promise.resolve({
            signerId: 1,
            certificate: new Uint8Array([1]),
            chain: [],
            algorithm: 'rsa-pkcs1-sha256',
            tokenLabel: 'Lanh dao',
            tokenSerial: '0001',
            pinPadOnSign: false,
          });
        }
        if (op === 'sign' && args.data !== undefined) {
          posted.push(args.data);
        }
        return Promise.resolve(new Uint8Array([0]));
      }) as ModuleWorker['call'],
      terminate: () => Promise.resolve(),
    };
    const { signer } = await openTokenSigner({
      modulePath: worker.modulePath,
      token: { label: 'Lanh dao' },
      keyIdHex: '01',
      pin: null,
      worker,
    });
    // How the CMS writer makes the signed attributes: Buffer.concat, a view into Node's pool.
    const toSign = Buffer.concat([Buffer.from([0x31, 0x03]), Buffer.from([1, 2, 3])]);
    expect(toSign.buffer.byteLength).toBeGreaterThan(toSign.byteLength);
    await signer.sign(toSign);
    const [sent] = posted;
    expect(sent?.buffer.byteLength).toBe(toSign.byteLength);
    expect(Buffer.from(sent ?? []).equals(toSign)).toBe(true);
  });
});
