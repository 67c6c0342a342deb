import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFileRevocationCache } from '../../../main/services/pdf/verify/revocation-cache.ts';
import { loadTrustStore } from '../../../main/services/pdf/verify/trust-store.ts';
import { verifyPdfBytes } from '../../../main/services/pdf/verify/verify-document.ts';
import type { SignatureReport, VerifyReport } from '../../../preload/contract/verify.ts';
import { usePki } from '../../support/pki/use-pki.ts';
import { startLoopbackTsa, type LoopbackTsa } from '../../support/tsa/tsa-server.ts';
import { mupdfCheck } from '../../support/validators.ts';
import { buildChangeCases, CHANGE_CASES, type ChangeCase } from '../../support/verify/change-cases.ts';
import { certOf } from '../../support/verify/corpus.ts';

const pki = usePki();
const dir = mkdtempSync(join(tmpdir(), 'vanthu-verify-changes-'));
let tsa: LoopbackTsa;
let files: Readonly<Record<ChangeCase, string>>;

async function verify(name: ChangeCase): Promise<VerifyReport> {
  const path = files[name];
  const { report } = await verifyPdfBytes(new Uint8Array(readFileSync(path)), path, {
    anchors: loadTrustStore([pki.rootPem]),
    offline: true,
    cache: createFileRevocationCache(join(dir, 'cache')),
  });
  return report;
}

async function judged(name: ChangeCase, field: string): Promise<SignatureReport> {
  const report = await verify(name);
  const sig = report.signatures.find((s) => s.field === field);
  if (sig === undefined) {
    throw new Error(`${name}: no signature in ${field}: ${report.signatures.map((s) => s.field).join(', ')}`);
  }
  expect(sig.integrity, `${name} ${field}`).toBe('ok');
  expect(sig.coverage, `${name} ${field}`).toBe('revision');
  return sig;
}

/** The verdict, and the clause every decision (permitted) or the refusing ones (not permitted) cite. */
async function expectVerdict(name: ChangeCase, field: string, verdict: 'permitted' | 'not-permitted', clause: string) {
  const sig = await judged(name, field);
  const detail = JSON.stringify(sig.changedObjects, null, 1);
  expect(sig.changesAfter, detail).toBe(verdict);
  const deciding = verdict === 'permitted' ? sig.changedObjects : sig.changedObjects.filter((o) => !o.permitted);
  expect(deciding.length, detail).toBeGreaterThan(0);
  expect(
    deciding.some((o) => o.clause?.includes(clause) === true),
    `${clause} in ${detail}`,
  ).toBe(true);
  expect(
    sig.changedObjects.every((o) => (o.clause ?? '') !== ''),
    'every decision names its rule',
  ).toBe(true);
  return sig;
}

/**
 * Where mupdf 1.21's validateSignature() and we differ, and why (ISO clause first).
 * - It predates ISO 32000-2 §12.8.2.2.1: any change after P=1 is flagged, DSS and document
 *   timestamps included, so PAdES B-LTA documents certified with P=1 fail there.
 * - It permits signing only fields that existed at certification; ISO 32000-1 Table 254 permits
 *   "signing" under P=2 without that limit (pyHanko agrees with us; Acrobat, per Apryse, with mupdf).
 * - It flags any catalog key outside the form; ISO 32000-1 §7.5.2 makes the catalog /Version (and
 *   Table 28 /Extensions) the way an incremental update declares a newer version.
 * - It compares field dictionaries only and regenerates /AP itself, so it never looks at what an
 *   appearance stream draws: a signed signature's appearance rewritten or replaced, a stream shared
 *   by two fields overwritten, and (per update) a filled field's appearance redrawn later without
 *   a new value all pass its per-signature check (its history check flags the last one).
 */
interface Disagreement {
  readonly file: ChangeCase;
  readonly field: string;
  readonly mupdfFlags: boolean;
  readonly ours: 'permitted' | 'not-permitted';
  readonly why: string;
}
const MUPDF_DISAGREES: readonly Disagreement[] = [
  {
    file: 'p1+doc-timestamp',
    field: 'ChuKy_NguoiKy',
    mupdfFlags: true,
    ours: 'permitted',
    why: 'ISO 32000-2 §12.8.2.2.1',
  },
  { file: 'p1+dss', field: 'ChuKy_NguoiKy', mupdfFlags: true, ours: 'permitted', why: 'ISO 32000-2 §12.8.2.2.1' },
  {
    file: 'p1+dss+esic',
    field: 'ChuKy_NguoiKy',
    mupdfFlags: true,
    ours: 'permitted',
    why: 'ISO 32000-2 §12.8.2.2.1, ISO 32000-1 §7.5.2',
  },
  {
    file: 'p1+dss+xmp',
    field: 'ChuKy_NguoiKy',
    mupdfFlags: true,
    ours: 'permitted',
    why: 'ISO 32000-2 §12.8.2.2.1 (DSS), ISO 32000-1 §14.3 (XMP)',
  },
  {
    file: 'p2+countersign-new-field',
    field: 'ChuKy_NguoiKy',
    mupdfFlags: true,
    ours: 'permitted',
    why: 'ISO 32000-1 Table 254 P=2 "signing"',
  },
  {
    file: 'p2+extensions-version',
    field: 'ChuKy_NguoiKy',
    mupdfFlags: true,
    ours: 'permitted',
    why: 'ISO 32000-1 §7.5.2, Table 28',
  },
  {
    file: 'p2+leader-ap-in-place',
    field: 'ChuKy_NguoiKy',
    mupdfFlags: false,
    ours: 'not-permitted',
    why: 'appearance content not compared',
  },
  {
    file: 'p2+leader-new-ap',
    field: 'ChuKy_NguoiKy',
    mupdfFlags: false,
    ours: 'not-permitted',
    why: '/AP of a signed widget not protected',
  },
  {
    file: 'p2+shared-ap-fill',
    field: 'ChuKy_NguoiKy',
    mupdfFlags: false,
    ours: 'not-permitted',
    why: 'shared appearance streams not traced',
  },
  {
    file: 'seal-locked+ap-in-place',
    field: 'ChuKy_NguoiKy',
    mupdfFlags: false,
    ours: 'not-permitted',
    why: 'redraw without a new value, judged per update',
  },
  {
    file: 'seal-lock-only+ap-in-place',
    field: 'ChuKy_NguoiKy',
    mupdfFlags: false,
    ours: 'not-permitted',
    why: 'redraw without a new value, judged per update',
  },
];

beforeAll(async () => {
  const material = certOf(pki, 'tsa');
  tsa = await startLoopbackTsa({ keyPem: material.keyPem, certPem: material.certPem, chainPem: pki.chainPem });
  files = await buildChangeCases(pki, join(dir, 'cases'), tsa.url);
}, 180_000);
afterAll(async () => {
  await tsa.close();
});

describe('changes after a signature, judged by what each changed object is used for', () => {
  describe('permitted', () => {
    it('ISO 32000-2 §12.8.2.2.1: a document timestamp after a P=1 certification is permitted', async () => {
      await expectVerdict('p1+doc-timestamp', 'ChuKy_NguoiKy', 'permitted', '§12.8.2.2.1');
      const stamp = (await verify('p1+doc-timestamp')).signatures.find((s) => s.kind === 'document-timestamp');
      expect(stamp).toMatchObject({ field: 'DauThoiGian_TaiLieu', integrity: 'ok', coverage: 'whole' });
    });

    it('ISO 32000-2 §12.8.2.2.1, §12.8.4.3: a DSS added after a P=1 certification is permitted', async () => {
      await expectVerdict('p1+dss', 'ChuKy_NguoiKy', 'permitted', '§12.8.4.3');
    });

    it('ISO 32000-1 §7.5.2, Table 28: the ESIC /Extensions entry declared after the DSS of a P=1 document is permitted', async () => {
      await expectVerdict('p1+dss+esic', 'ChuKy_NguoiKy', 'permitted', '§7.5.2');
    });

    it('ISO 32000-1 §14.3: the XMP metadata updated with the DSS of a P=1 document is permitted (as pyHanko)', async () => {
      await expectVerdict('p1+dss+xmp', 'ChuKy_NguoiKy', 'permitted', '§14.3');
    });

    it('ISO 32000-1 §12.8.2.2, Table 254: a countersignature in a new signature field after a P=2 certification is permitted', async () => {
      await expectVerdict('p2+countersign-new-field', 'ChuKy_NguoiKy', 'permitted', 'P=2/P=3 cho phép ký');
    });

    it('ISO 32000-1 §7.5.2, Table 28: a catalog /Extensions entry added and /Version raised in an incremental update are permitted', async () => {
      await expectVerdict('p2+extensions-version', 'ChuKy_NguoiKy', 'permitted', '§7.5.2');
    });

    it('ISO 32000-1 §12.5.3, Table 165: a signature widget gaining the Locked flag (bit 8) as its field is signed is permitted', async () => {
      const sig = await expectVerdict('p2+sign-locks-widget', 'ChuKy_NguoiKy', 'permitted', 'P=2/P=3 cho phép ký');
      expect(sig.changedObjects.map((o) => o.note).join('\n')).toContain('cờ Locked');
    });

    it('ISO 32000-1 §12.8.2.2, Table 254: filling a field and redrawing its own appearance in place is permitted under P=2', async () => {
      await expectVerdict('p2+own-ap-fill', 'ChuKy_NguoiKy', 'permitted', 'P=2/P=3 cho phép điền');
    });
  });

  describe('not permitted', () => {
    it('ISO 32000-1 §12.7.4.5, §12.8.1: the signed leader appearance stream edited in place is not permitted', async () => {
      await expectVerdict('p2+leader-ap-in-place', 'ChuKy_NguoiKy', 'not-permitted', '§12.7.4.5');
    });

    it('ISO 32000-1 §12.7.4.5, §12.8.1: a new /AP put on the already signed widget is not permitted', async () => {
      await expectVerdict('p2+leader-new-ap', 'ChuKy_NguoiKy', 'not-permitted', '§12.7.4.5');
    });

    it('ISO 32000-1 §12.5.5: an appearance stream shared by two fields overwritten while only one is filled is not permitted', async () => {
      await expectVerdict('p2+shared-ap-fill', 'ChuKy_NguoiKy', 'not-permitted', '§12.5.5');
    });

    it('ISO 32000-1 §12.8.2.4, Tables 255/256: after a FieldMDP lock, rewriting the locked field appearance in place is not permitted', async () => {
      await expectVerdict('seal-locked+ap-in-place', 'ChuKy_CoQuan', 'not-permitted', 'FieldMDP');
    });

    it('ISO 32000-1 §12.8.2.4, Table 232 /Lock: a seal locking through the field /Lock alone protects the appearance too', async () => {
      const sig = await expectVerdict('seal-lock-only+ap-in-place', 'ChuKy_CoQuan', 'not-permitted', 'FieldMDP');
      expect(JSON.stringify(sig.changedObjects)).toContain('SoKyHieu');
    });

    it('ISO 32000-1 §7.7.3.4, Table 254: a font reached through resources inherited from the page tree changed is not permitted', async () => {
      await expectVerdict('p2+inherited-font', 'ChuKy_NguoiKy', 'not-permitted', '§7.7.3.3–7.7.3.4');
    });

    it('ISO 32000-1 §7.7.3.4, Table 254: an image reached through resources inherited from the page tree changed is not permitted', async () => {
      await expectVerdict('p2+inherited-image', 'ChuKy_NguoiKy', 'not-permitted', '§7.7.3.3–7.7.3.4');
    });
  });

  it('mupdf validateSignature agrees, except the listed and explained cases', async () => {
    let agreed = 0;
    for (const name of CHANGE_CASES) {
      const ours = await verify(name);
      const theirs = mupdfCheck(files[name]);
      for (const sig of theirs.signatures.filter((s) => s.signed && s.digest === 'OK')) {
        const mine = ours.signatures.find((s) => s.field === sig.name);
        const actual = { mupdfFlags: (sig.validate ?? 0) > 0, ours: mine?.changesAfter };
        const known = MUPDF_DISAGREES.find((d) => d.file === name && d.field === sig.name);
        if (known !== undefined) {
          expect(actual, `${name} ${sig.name}: ${known.why}`).toEqual({
            mupdfFlags: known.mupdfFlags,
            ours: known.ours,
          });
          continue;
        }
        expect(actual.ours === 'not-permitted', `${name} ${sig.name}`).toBe(actual.mupdfFlags);
        agreed += 1;
      }
    }
    expect(agreed).toBeGreaterThanOrEqual(7);
  });
});
