import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeNumber } from '../../../main/services/pdf/sign/write-number.ts';
import { autoPrepareOptions } from '../../../main/services/signing/prepare.ts';
import { makeDocument } from '../../support/corpus/make-document.ts';
import { usePki } from '../../support/pki/use-pki.ts';
import { allValid, extractSignatures, mupdfCheck, validateAll } from '../../support/validators.ts';
import { appended, read, tempDir } from './flow-support.ts';
import { issueAuto, todayVn } from './issue-support.ts';
import { testNow } from '../../support/clock/clock.ts';

const pki = usePki();

/** The organization's signature dictionary (the second /ByteRange's object), as text. */
function orgSigDict(sealed: Uint8Array): string {
  const text = Buffer.from(sealed).toString('latin1');
  const [, org] = extractSignatures(sealed);
  if (org === undefined) {
    throw new Error('no organization signature');
  }
  const start = text.lastIndexOf('<<', org.byteRange[1]);
  return text.slice(start, text.indexOf('/Prop_Build', org.byteRange[2]));
}

/** Numbers the sealed document again with another number: a change after the seal. */
async function renumber(sealedPath: string, dir: string): Promise<string> {
  const out = join(dir, 'sửa số sau khi đóng dấu.pdf');
  await writeNumber(read(sealedPath), out, { soKyHieu: '99/QĐ-UBND', ngayBanHanh: todayVn(testNow()) });
  return out;
}

describe('the organization lock is written at prepare', () => {
  it('puts /Lock in the prepare revision and nothing lock-related after the leader signed', async () => {
    const dir = tempDir();
    const { bytes } = await makeDocument();
    const paths = await issueAuto(pki, bytes, dir);
    const prepared = read(paths.prepared);
    const sealed = read(paths.sealed);

    const prepareRevision = appended(bytes, prepared);
    const lockRef = /\/Lock (\d+) 0 R/.exec(prepareRevision)?.[1];
    expect(lockRef).toBeDefined();
    expect(prepareRevision).toMatch(
      /<<\s*\/Type \/SigFieldLock\s*\/Action \/Include\s*\/Fields \[\s*\(SoKyHieu\)\s*\(NgayBanHanh\)\s*\]\s*>>/,
    );
    // After the leader's signature no revision writes a lock or redefines one: the seal's
    // field (re-written with its /V) still points at the lock object of the prepare revision.
    const afterLeader = appended(read(paths.signed), sealed);
    expect(afterLeader).not.toContain('SigFieldLock');
    expect(afterLeader).not.toMatch(new RegExp(`(^|\\s)${lockRef} 0 obj`));
    expect([...afterLeader.matchAll(/\/Lock (\d+) 0 R/g)].map((m) => m[1])).toEqual([lockRef]);
    // The seal repeats the lock as its FieldMDP reference, with the same parameters.
    expect(orgSigDict(sealed)).toMatch(
      /\/TransformMethod \/FieldMDP \/TransformParams << \/Type \/TransformParams \/Action \/Include \/Fields \[\(SoKyHieu\) \(NgayBanHanh\)\]/,
    );

    const report = validateAll(paths.sealed, pki);
    expect(allValid(report, 2), JSON.stringify(report)).toBe(true);
  });

  it('makes a change of the number after the seal a change the seal does not permit', async () => {
    const dir = tempDir();
    const { bytes } = await makeDocument();
    const paths = await issueAuto(pki, bytes, dir);
    const verdict = mupdfCheck(await renumber(paths.sealed, dir));
    const [leader, org] = verdict.signatures.filter((s) => s.signed);
    // Form filling stays within the leader's P=2; the seal locked the number field.
    expect(leader?.validate).toBe(0);
    expect(org?.validate).not.toBe(0);
    expect(verdict.history).not.toBe(0);
  });

  it('(control) without a lock at prepare, the same change is permitted', async () => {
    const dir = tempDir();
    const { bytes } = await makeDocument();
    const auto = await autoPrepareOptions(bytes, ['personal', 'organization']);
    const unlocked = { ...auto, signers: auto.signers.map((s) => ({ ...s, lockFields: [] })) };
    const paths = await issueAuto(pki, bytes, dir, unlocked);
    expect(appended(bytes, read(paths.prepared))).not.toContain('/Lock');
    const verdict = mupdfCheck(await renumber(paths.sealed, dir));
    expect(verdict.signatures.filter((s) => s.signed).map((s) => s.validate)).toEqual([0, 0]);
  });
});
