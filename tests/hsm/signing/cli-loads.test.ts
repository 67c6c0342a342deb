import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { cjsBundle } from '../../../scripts/bundles.ts';
import { makeDocument } from '../../support/corpus/make-document.ts';
import { usePki } from '../../support/pki/use-pki.ts';
import { opensslVerifyAll } from '../../support/validators.ts';

const BIN = fileURLToPath(new URL('../../../main/cli/bin.ts', import.meta.url));
const RECORD = fileURLToPath(new URL('../../support/cli/record-loads.ts', import.meta.url));
const REPO = fileURLToPath(new URL('../../../', import.meta.url));
const pki = usePki();

/**
 * What a cold `vanthu sign` must not load (issue #14, its start-up and peak RSS): the
 * contract's schemas and zod (it only throws and catches VanthuError), and pkijs with its asn1js
 * (the CMS is written with der-write.ts, the key usage read with the verifier's DER reader).
 * The token worker (its own V8 isolate, started by every signature) reads certificates with the
 * verifier's DER reader too, so neither @peculiar/x509 nor any ASN.1 or decorator library is in it.
 */
const NOT_FOR_SIGN = [
  '/node_modules/zod/',
  '/preload/contract/channels.ts',
  '/preload/contract/index.ts',
  '/node_modules/pkijs/',
  `${REPO}node_modules/asn1js/`,
];

/** Nor, in any thread, the X.509 library the token worker used, with its ASN.1 and decorator stack. */
const NOT_IN_ANY_THREAD = [
  ...NOT_FOR_SIGN,
  'node_modules/@peculiar/',
  'node_modules/asn1js/',
  'node_modules/reflect-metadata/',
  'node_modules/tsyringe/',
];

/** The PKCS#11 worker's bundle (pkcs11-worker.cjs) carries none of those, and no PDF code either. */
const NOT_FOR_WORKER = [...NOT_IN_ANY_THREAD, 'node_modules/pdf-lib/', 'node_modules/@cantoo/', '/services/pdf/sign/'];

describe('vanthu sign in a cold process', () => {
  it('signs on the token with no schema and no ASN.1 library loaded, and openssl accepts the CMS', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vanthu-cli-loads-'));
    writeFileSync(join(dir, 'in.pdf'), (await makeDocument()).bytes);
    const token = pki.certs.person?.token;
    const pin = pki.softhsm.tokens.find((t) => t.label === token?.label)?.pin ?? '';
    const record = join(dir, 'loads.txt');
    writeFileSync(record, '');
    const out = join(dir, 'out.pdf');
    const run = spawnSync(
      process.execPath,
      [
        ...['--import', RECORD, BIN, 'sign', '--in', join(dir, 'in.pdf'), '--out', out],
        ...['--module', pki.softhsm.module, '--token', token?.label ?? '', '--key-id', token?.keyIdHex ?? ''],
        ...['--role', 'personal', '--auto', '--trust', pki.subPem, '--trust', pki.rootPem],
      ],
      { env: { ...process.env, VANTHU_PIN: pin, VANTHU_RECORD_LOADS: record }, encoding: 'utf8' },
    );
    expect(run.status, run.stderr).toBe(0);
    expect(opensslVerifyAll(out, pki.rootPem).map((r) => r.ok)).toEqual([true]);
    const loaded = readFileSync(record, 'utf8').split('\n').filter(Boolean);
    // The recorder saw the signing code, so an empty list below means "not loaded".
    expect(loaded.some((url) => url.endsWith('/main/services/pdf/sign/cms.ts'))).toBe(true);
    expect(loaded.filter((url) => NOT_FOR_SIGN.some((part) => url.includes(part)))).toEqual([]);
    // Run from source, the token worker thread loads its modules through the same hooks.
    expect(loaded.some((url) => url.endsWith('/main/services/tokens/worker-entry.ts'))).toBe(true);
    expect(loaded.filter((url) => NOT_IN_ANY_THREAD.some((part) => url.includes(part)))).toEqual([]);
  });

  it('starts a token worker whose bundle carries no X.509, ASN.1, PDF or schema library', async () => {
    const result = await build({
      ...cjsBundle,
      entryPoints: ['main/services/tokens/worker-entry.ts'],
      write: false,
      metafile: true,
      sourcemap: false,
    });
    const inputs = Object.keys(result.metafile.inputs).map((path) => `${REPO}${path}`);
    expect(inputs.some((path) => path.endsWith('/main/services/tokens/certificate-info.ts'))).toBe(true);
    expect(inputs.filter((path) => NOT_FOR_WORKER.some((part) => path.includes(part)))).toEqual([]);
  });
});
