import { describe, expect, it } from 'vitest';
import { catalogPaths, DRIVER_CATALOG, moduleCandidates, vendorOf } from '../../../native/pkcs11/catalog.ts';

describe('driver catalog', () => {
  it('knows the Windows DLLs of the Vietnamese CAs and token vendors', () => {
    const vendors = DRIVER_CATALOG.map((e) => e.vendor);
    for (const v of [
      'Viettel-CA',
      'VNPT-CA',
      'BKAV-CA',
      'FPT-CA',
      'SafeNet eToken',
      'Feitian ePass',
      'WatchData',
      'NewCA',
    ]) {
      expect(vendors).toContain(v);
    }
    const paths = catalogPaths('win32', { SystemRoot: 'C:\\Windows' }).map((c) => c.path);
    expect(paths.some((p) => p.endsWith('viettel-ca_v6.dll'))).toBe(true);
    expect(paths.every((p) => p.includes('System32'))).toBe(true);
  });

  it('has SoftHSM2 and OpenSC paths on Linux', () => {
    const paths = catalogPaths('linux').map((c) => c.path);
    expect(paths).toContain('/usr/lib/softhsm/libsofthsm2.so');
    expect(paths).toContain('/usr/lib/x86_64-linux-gnu/opensc-pkcs11.so');
  });

  it('puts user paths first, then catalog paths that exist, without duplicates', () => {
    const exists = (p: string) => p === '/usr/lib/softhsm/libsofthsm2.so';
    const candidates = moduleCandidates(['/opt/ca/libx.so', '/usr/lib/softhsm/libsofthsm2.so'], exists, 'linux');
    expect(candidates).toEqual([
      { path: '/opt/ca/libx.so', vendor: 'Người dùng thêm' },
      { path: '/usr/lib/softhsm/libsofthsm2.so', vendor: 'SoftHSM2' },
    ]);
  });

  it('counts paths that resolve to the same file once', () => {
    const exists = () => true;
    const resolve = (p: string) =>
      p === '/usr/lib/softhsm/libsofthsm2.so' ? '/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so' : p;
    const paths = moduleCandidates([], exists, 'linux', resolve).map((c) => c.path);
    expect(paths.filter((p) => p.endsWith('libsofthsm2.so') && p.includes('/usr/lib/'))).toEqual([
      '/usr/lib/softhsm/libsofthsm2.so',
    ]);
  });

  it('names the vendor of a DLL by file name, case-insensitively', () => {
    expect(vendorOf('D:\\Program Files\\VNPT-CA\\vnpt-ca_csp11.dll')).toBe('VNPT-CA');
    expect(vendorOf('C:\\Windows\\System32\\BKAVCA.DLL')).toBe('BKAV-CA');
    expect(vendorOf('/tmp/unknown.so')).toBeUndefined();
  });
});
