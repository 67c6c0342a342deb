import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeServices } from '../../../main/app/compose.ts';
import { openApp } from '../../support/app.ts';
import { profilePaths } from '../../../main/services/disk/profile-paths.ts';
import { commands } from '../../../main/cli/commands/index.ts';
import { runCli } from '../../../main/cli/run.ts';
import type { Logger } from '../../../main/services/log/logger.ts';
import { signPdf } from '../../../main/services/pdf/sign/sign.ts';
import { softwareSignerFromFiles } from '../../../main/services/pdf/software-signer.ts';
import { makeDocument } from '../../support/corpus/make-document.ts';
import { issueWithRevocation, subCaCrl } from '../../support/ocsp/issue.ts';
import { freePort, startCrlServer } from '../../support/ocsp/servers.ts';
import { usePki } from '../../support/pki/use-pki.ts';
import { msFromNow } from '../../support/clock/clock.ts';

const DAY = 86_400_000;
const pki = usePki();
const dir = mkdtempSync(join(tmpdir(), 'vanthu-verify-proof-'));
const profileDir = join(dir, 'profile');
const silent: Logger = { debug() {}, info() {}, warn() {}, error() {} };
const files: Record<string, string> = {};
let stopCrl: () => Promise<void> = async () => {};

async function cli(args: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(
    args,
    { out: (t) => void (out += t), err: (t) => void (err += t), readStdin: async () => '', env: {} },
    commands,
    () => composeServices({ profileDir, shell: 'cli', log: silent }),
  );
  return { code, out, err, json: out.startsWith('{') ? JSON.parse(out) : null };
}

/**
 * An expired certificate like the PKI's 'expired' one (valid from 800 to 30 days ago) but with a
 * CRL address, used 60 days ago: the document was signed while it was valid, and its CA still
 * answers today. Later the CA stops answering for it, which is when the kept proof matters.
 */
async function signedByExpired(id: string, serial: string, crlUrl: string): Promise<string> {
  const cert = await issueWithRevocation(
    pki,
    dir,
    id,
    serial,
    { crl: crlUrl },
    {
      notBefore: msFromNow(-800 * DAY),
      notAfter: msFromNow(-30 * DAY),
    },
  );
  const out = join(dir, `${id}.pdf`);
  await signPdf((await makeDocument()).bytes, out, {
    signer: await softwareSignerFromFiles(cert.keyPem, cert.certPem, pki.chainPem),
    role: 'personal',
    signingTime: msFromNow(-60 * DAY),
  });
  return out;
}

beforeAll(async () => {
  const port = await freePort();
  const crl = `http://127.0.0.1:${port}/sub.crl`;
  files['good'] = await signedByExpired('expired-good', '7201', crl);
  files['revoked'] = await signedByExpired('expired-revoked', '7202', crl);
  files['never'] = await signedByExpired('expired-never', '7203', crl);
  stopCrl = (await startCrlServer(port, await subCaCrl(pki, ['7202']))).stop;
}, 120_000);

afterAll(async () => {
  await stopCrl();
});

describe('re-verifying from kept proof after the certificate expired', () => {
  it('verified while the CA answered, re-verified from the proof once it no longer does', async () => {
    const first = await cli(['verify', files['good'] as string, '--trust', pki.rootPem, '--json']);
    expect(first.code).toBe(0);
    const revoked = await cli(['verify', files['revoked'] as string, '--trust', pki.rootPem, '--json']);
    expect(revoked.code).toBe(1);

    // Later: the CRL is gone and so is the cached answer; only the kept proof remains.
    await stopCrl();
    stopCrl = async () => {};
    rmSync(join(profilePaths(profileDir).cache, 'revocation'), { recursive: true, force: true });
    const now = await cli(['verify', files['good'] as string, '--trust', pki.rootPem, '--json']);
    expect(now.code).toBe(2);
    expect(now.json.signatures[0].revocation.status).toBe('unknown');

    const again = await cli(['verify', files['good'] as string, '--trust', pki.rootPem, '--from-proof', '--json']);
    expect(again.code).toBe(0);
    expect(again.json.verdict).toBe('valid');
    expect(again.json.signatures[0].revocation).toEqual({
      status: 'good',
      checkedAt: first.json.signatures[0].revocation.checkedAt,
    });
    expect(again.json.signatures[0].problems.join('\n')).toContain('hồ sơ xác thực đã lưu');

    // The revocation kept in the proof still counts: that signature stays invalid.
    const stillRevoked = await cli(['verify', files['revoked'] as string, '--trust', pki.rootPem, '--from-proof']);
    expect(stillRevoked.code).toBe(1);
    expect(stillRevoked.out).toContain('ĐÃ BỊ THU HỒI');
  });

  it('re-verifying from proof writes no new proof, and works through documents.verify', async () => {
    const app = openApp({ profileDir, shell: 'cli', log: silent, caller: 'cli', organization: null });
    const report = await app.value('documents.verify', {
      path: files['good'] ?? '',
      trustPaths: [pki.rootPem],
      fromProof: true,
    });
    expect(report.verdict).toBe('valid');
    expect(report.signatures[0]?.revocation.source).toBe('proof');
    const kept = join(profilePaths(profileDir).files, 'verifications', report.sha256);
    // Two checks with the network (valid, then indeterminate); none from the proof.
    expect(readdirSync(kept)).toHaveLength(2);
    expect(report.evidencePath).toBe(join(kept, readdirSync(kept).sort()[0] as string));
    expect(JSON.parse(readFileSync(report.evidencePath as string, 'utf8')).verdict).toBe('valid');
  });

  it('a document never verified has no proof: said plainly', async () => {
    const { code, err } = await cli(['verify', files['never'] as string, '--trust', pki.rootPem, '--from-proof']);
    expect(code).toBe(2);
    expect(err).toContain('Chưa có hồ sơ xác thực lưu cho văn bản này');
  });
});
