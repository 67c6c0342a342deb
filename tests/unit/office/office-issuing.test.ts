import { describe, expect, it } from 'vitest';
import { stepOfIssued } from '../../../main/services/office/office-issuing.ts';
import type { IssuingFile } from '../../../preload/contract/issuing.ts';
import { StepBodySchema } from '../../../preload/contract/office.ts';
import type { OutgoingDocument } from '../../../preload/contract/outgoing.ts';

const sha = (c: string) => c.repeat(64);
const file = (stage: IssuingFile['stage'], c: string): IssuingFile => ({
  stage,
  sha256: sha(c),
  size: 10,
  fileName: `${stage}.pdf`,
});

// Only the fields the mapping reads; the rest of a record does not matter here.
const doc = (over: Partial<OutgoingDocument>) =>
  ({ soKyHieu: null, ngayBanHanh: null, recipients: [], ...over }) as unknown as OutgoingDocument;

describe('stepOfIssued: an issuing result as the case’s next step', () => {
  it('đã ký names the draft it signed and carries the signed file', () => {
    const step = stepOfIssued('sign', doc({}), [file('du-thao', 'a'), file('nguon', 'n'), file('da-ky', 'b')]);
    expect(step).toEqual({
      kind: 'sign',
      draftSha256: sha('a'),
      files: [{ sha256: sha('b'), name: 'da-ky.pdf', role: 'da-ky' }],
    });
    expect(StepBodySchema.safeParse(step).success).toBe(true);
  });

  it('cấp số carries the số ký hiệu, the date and the numbered file; without a số there is no step', () => {
    const files = [file('du-thao', 'a'), file('da-ky', 'b'), file('da-cap-so', 'c')];
    // fixed-date: the record's ngày ban hành, passed through
    const numbered = doc({ soKyHieu: '01/QĐ-SNV', ngayBanHanh: '2026-01-05' });
    expect(stepOfIssued('issue-number', numbered, files)).toMatchObject({
      kind: 'issue-number',
      soKyHieu: '01/QĐ-SNV',
      files: [{ sha256: sha('c'), role: 'da-cap-so' }],
    });
    expect(stepOfIssued('issue-number', doc({}), files)).toBeNull();
  });

  it('đóng dấu needs the sealed file; phát hành names the recipients and the document it sends to the trục', () => {
    expect(stepOfIssued('seal', doc({}), [file('da-cap-so', 'c')])).toBeNull();
    expect(stepOfIssued('seal', doc({}), [file('da-dong-dau', 'd')])).toMatchObject({ kind: 'seal' });
    const recipients = [{ maDinhDanh: '000.00.00.H99', ten: 'UBND' }] as OutgoingDocument['recipients'];
    expect(stepOfIssued('publish', doc({ id: 'van-ban-di-1', recipients }), [])).toEqual({
      kind: 'publish',
      trucDocumentId: 'van-ban-di-1',
      recipients: ['000.00.00.H99'],
    });
  });
});
