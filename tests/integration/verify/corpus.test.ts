import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { VerifyReport } from '../../../preload/contract/verify.ts';
import { createFileRevocationCache } from '../../../main/services/pdf/verify/revocation-cache.ts';
import { loadTrustStore } from '../../../main/services/pdf/verify/trust-store.ts';
import { verifyPdfBytes } from '../../../main/services/pdf/verify/verify-document.ts';
import { usePki } from '../../support/pki/use-pki.ts';
import { mupdfCheck, pdfsig } from '../../support/validators.ts';
import { buildVerifyCorpus, type Corpus, type CorpusName } from '../../support/verify/corpus.ts';

const pki = usePki();
const dir = mkdtempSync(join(tmpdir(), 'vanthu-verify-'));
let corpus: Corpus;

async function verify(name: CorpusName, trust = [pki.rootPem, pki.subPem]): Promise<VerifyReport> {
  const path = corpus[name];
  const outcome = await verifyPdfBytes(new Uint8Array(readFileSync(path)), path, {
    anchors: loadTrustStore(trust),
    offline: true,
    cache: createFileRevocationCache(join(dir, 'cache')),
  });
  return outcome.report;
}

/** [integrity, coverage, changesAfter] per signature, in file order. */
type Row = readonly [string, string, string];
const EXPECTED: Readonly<Record<Exclude<CorpusName, 'unsigned'>, readonly Row[]>> = {
  'vanthu-1': [['ok', 'whole', 'none']],
  // The number and date are filled into pre-created fields, then the organization signs its
  // pre-created field: all permitted by the leader's DocMDP P=2.
  'vanthu-2': [
    ['ok', 'revision', 'permitted'],
    ['ok', 'whole', 'none'],
  ],
  'pdfsig-1': [['ok', 'whole', 'none']],
  'pdfsig-2': [
    ['ok', 'revision', 'permitted'],
    ['ok', 'whole', 'none'],
  ],
  'mutool-1': [['ok', 'whole', 'none']],
  'mutool-2': [
    ['ok', 'revision', 'permitted'],
    ['ok', 'whole', 'none'],
  ],
  'vanthu-1+text': [['ok', 'revision', 'not-permitted']],
  'vanthu-1+page': [['ok', 'revision', 'not-permitted']],
  // P=2 permits form filling and signing, not annotations.
  'vanthu-1+annot': [['ok', 'revision', 'not-permitted']],
  // The organization locked SoKyHieu; the leader's P=2 still allows filling it.
  'vanthu-2+field-locked': [
    ['ok', 'revision', 'permitted'],
    ['ok', 'revision', 'not-permitted'],
  ],
  'pdfsig-1+annot': [['ok', 'revision', 'permitted']],
  'pdfsig-1+text': [['ok', 'revision', 'not-permitted']],
  'mutool-1+field': [['ok', 'revision', 'permitted']],
  'mutool-1+page': [['ok', 'revision', 'not-permitted']],
  'vanthu-p1+field': [['ok', 'revision', 'not-permitted']],
  'pdfsig-1+flipped': [['broken', 'whole', 'none']],
  'mutool-2+flipped': [
    ['broken', 'revision', 'permitted'],
    ['broken', 'whole', 'none'],
  ],
};

/**
 * Where mupdf's validateSignature() and we differ, and why; in every case mupdf's own
 * validateChangeHistory() sides with us.
 * - mupdf 1.21 judges an approval signature (no DocMDP) as if only form filling were allowed;
 *   ISO 32000 puts no limit on changes after an approval signature, and adding the next signer's
 *   field is the normal way poppler and Acrobat add a second signature (history 0).
 * - validateSignature() does not apply a certification's P=1 to form filling; P=1 permits no
 *   change at all, and the history check flags it (history > 0).
 */
interface Disagreement {
  readonly file: CorpusName;
  readonly field: string;
  readonly mupdfFlags: boolean;
  readonly ours: 'permitted' | 'not-permitted';
  readonly historyFlags: boolean;
}
const MUPDF_DISAGREES: readonly Disagreement[] = [
  // new signature field after an approval signature
  { file: 'pdfsig-2', field: 'PopplerCaNhan', mupdfFlags: true, ours: 'permitted', historyFlags: false },
  // annotation added after an approval signature
  { file: 'pdfsig-1+annot', field: 'PopplerCaNhan', mupdfFlags: true, ours: 'permitted', historyFlags: false },
  // a field filled after a P=1 certification
  { file: 'vanthu-p1+field', field: 'ChuKy_NguoiKy', mupdfFlags: false, ours: 'not-permitted', historyFlags: true },
];

beforeAll(async () => {
  corpus = await buildVerifyCorpus(pki, join(dir, 'corpus'));
}, 120_000);

describe('verification corpus: vanthu, poppler and mupdf signatures, changed and damaged copies', () => {
  it.each(Object.keys(EXPECTED) as Array<keyof typeof EXPECTED>)('%s: integrity, coverage, changes', async (name) => {
    const report = await verify(name);
    const rows = report.signatures.map((s) => [s.integrity, s.coverage, s.changesAfter]);
    expect(rows, JSON.stringify(report.signatures.map((s) => s.changedObjects))).toEqual(EXPECTED[name]);
    if (rows.some(([integrity, , changes]) => integrity === 'broken' || changes === 'not-permitted')) {
      expect(report.verdict).toBe('invalid');
      expect(report.reasons[0]).toContain('KHÔNG hợp lệ');
    }
  });

  it('names the signer as in the certificate and lists the objects changed', async () => {
    const report = await verify('vanthu-2+field-locked');
    expect(report.signatures.map((s) => s.signer.commonName)).toEqual(['Nguyễn Văn A', 'ỦY BAN NHÂN DÂN TỈNH X']);
    expect(report.signatures[1]?.signer.subject).toContain('O=ỦY BAN NHÂN DÂN TỈNH X');
    const locked = report.signatures[1]?.changedObjects.filter((o) => !o.permitted) ?? [];
    // The field and the objects its appearance is drawn with: FieldMDP protects value and look.
    expect(locked.map((o) => o.note)).toContain('Trường "SoKyHieu" đã bị khóa khi ký nhưng bị sửa.');
    expect(locked.every((o) => o.note.includes('"SoKyHieu"') && o.clause?.includes('FieldMDP') === true)).toBe(true);
    expect(report.reasons.join('\n')).toContain('SoKyHieu');
  });

  it('an unsigned file is invalid with a plain reason', async () => {
    const report = await verify('unsigned');
    expect(report.signatures).toEqual([]);
    expect(report.verdict).toBe('invalid');
    expect(report.reasons).toEqual(['Văn bản không có chữ ký số.']);
  });

  it('integrity and trust agree with pdfsig wherever pdfsig has an opinion', async () => {
    const compared: string[] = [];
    for (const name of Object.keys(EXPECTED) as CorpusName[]) {
      const ours = await verify(name);
      for (const theirs of pdfsig(corpus[name], pki.nssDir)) {
        if (theirs.validation === '') {
          continue;
        } // an empty signature field
        const mine = ours.signatures.find((s) => s.field === theirs.field);
        expect(mine, `${name} ${theirs.field}`).toBeDefined();
        expect(mine?.integrity, `${name} ${theirs.field}`).toBe(
          theirs.validation === 'Signature is Valid.' ? 'ok' : 'broken',
        );
        expect(mine?.coverage, `${name} ${theirs.field}`).toBe(theirs.totalDocument ? 'whole' : 'revision');
        if (theirs.certificate !== '') {
          expect(mine?.trust, `${name} ${theirs.field}`).toBe(
            theirs.certificate === 'Certificate is Trusted.' ? 'trusted' : 'untrusted',
          );
        }
        compared.push(`${name}/${theirs.field}`);
      }
    }
    expect(compared.length).toBeGreaterThanOrEqual(20);
  });

  it('trust agrees with pdfsig when the root is not trusted', async () => {
    const emptyNss = join(dir, 'nss-empty');
    mkdirSync(emptyNss, { recursive: true });
    execFileSync('certutil', ['-N', '--empty-password', '-d', `sql:${emptyNss}`]);
    const [theirs] = pdfsig(corpus['pdfsig-1'], emptyNss);
    // Another CA as the only anchor: the signer's chain reaches no trusted root.
    const ours = await verify('pdfsig-1', [join(pki.dir, 'tsa.cert.pem')]);
    expect(theirs?.certificate).not.toBe('Certificate is Trusted.');
    expect(ours.signatures[0]?.trust).toBe('untrusted');
    expect(ours.verdict).toBe('indeterminate');
  });

  it('change classification agrees with mupdf validateSignature, except the listed cases', async () => {
    for (const name of Object.keys(EXPECTED) as CorpusName[]) {
      const ours = await verify(name);
      const theirs = mupdfCheck(corpus[name]);
      for (const sig of theirs.signatures.filter((s) => s.signed && s.digest === 'OK')) {
        const mine = ours.signatures.find((s) => s.field === sig.name);
        const mupdfFlags = (sig.validate ?? 0) > 0;
        const known = MUPDF_DISAGREES.find((d) => d.file === name && d.field === sig.name);
        if (known !== undefined) {
          expect({ mupdfFlags, ours: mine?.changesAfter, historyFlags: theirs.history > 0 }).toEqual({
            mupdfFlags: known.mupdfFlags,
            ours: known.ours,
            historyFlags: known.historyFlags,
          });
          continue;
        }
        expect(mine?.changesAfter === 'not-permitted', `${name} ${sig.name}`).toBe(mupdfFlags);
      }
    }
  });
});
