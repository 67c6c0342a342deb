import { describe, expect, it } from 'vitest';
import type { QueueEntryDto } from '../../preload/contract/office.ts';
import { StepBodySchema } from '../../preload/contract/office.ts';
import { buildStep, draftOf, EMPTY_FIELDS } from '../../renderer/features/office/step-draft.ts';

const DRAFT = 'a'.repeat(64);
const NEWER = 'b'.repeat(64);

function entry(over: Partial<QueueEntryDto>): QueueEntryDto {
  return {
    caseId: 'case-1',
    caseKind: 'incoming',
    title: 'Về việc kiểm tra',
    caseState: 'da-trinh',
    stepId: 'step-1',
    stepKind: 'submit',
    byName: 'Nguyễn Thị Lan',
    at: '2026-01-05T08:00:00.000Z', // fixed-date: a stored step time, never compared with now
    body: { kind: 'progress', note: 'x' },
    filesReady: true,
    files: [],
    arrivedAt: '2026-01-05T08:00:01.000Z', // fixed-date: as above
    ...over,
  };
}

describe('buildStep', () => {
  it('builds a phân công with the chosen people and the picked date, and drops the chủ trì from phối hợp', () => {
    const built = buildStep('assign', entry({}), {
      ...EMPTY_FIELDS,
      yKien: '  Đề nghị xử lý  ',
      chuTri: 'chuyenvien.snv',
      phoiHop: ['chuyenvien.snv', 'truongphong.snv'],
      hanXuLy: '2026-01-20', // fixed-date: the date picker's value, passed through
    });
    expect(built).toEqual({
      ok: true,
      body: {
        kind: 'assign',
        yKien: 'Đề nghị xử lý',
        chuTri: 'chuyenvien.snv',
        phoiHop: ['truongphong.snv'],
        hanXuLy: '2026-01-20', // fixed-date: as above
      },
    });
    expect(built.ok && StepBodySchema.safeParse(built.body).success).toBe(true);
  });

  it('names the missing field: no chủ trì, no leader, an empty report', () => {
    expect(buildStep('assign', entry({}), EMPTY_FIELDS)).toEqual({ ok: false, field: 'chuTri' });
    const draftEntry = entry({
      caseState: 'du-thao',
      files: [{ sha256: DRAFT, name: 'd.pdf', role: 'du-thao', size: 1 }],
    });
    expect(buildStep('submit-for-signature', draftEntry, EMPTY_FIELDS)).toEqual({ ok: false, field: 'leader' });
    expect(buildStep('progress', entry({}), { ...EMPTY_FIELDS, text: '   ' })).toEqual({ ok: false, field: 'text' });
  });

  it('returns a draft with the hash the trình ký brought, and refuses without a draft file', () => {
    const presented = entry({
      caseState: 'trinh-ky',
      body: { kind: 'submit-for-signature', to: 'lanhdao.snv', via: null, draftSha256: DRAFT },
      files: [{ sha256: NEWER, name: 'n.pdf', role: 'du-thao', size: 1 }],
    });
    expect(buildStep('return-draft', presented, { ...EMPTY_FIELDS, text: 'Sửa trích yếu' })).toEqual({
      ok: true,
      body: { kind: 'return-draft', comment: 'Sửa trích yếu', draftSha256: DRAFT },
    });
    expect(buildStep('return-draft', entry({ caseState: 'trinh-ky' }), { ...EMPTY_FIELDS, text: 'x' })).toEqual({
      ok: false,
      field: 'draft',
    });
  });

  it('takes the newest dự thảo file of the case when the item did not bring one', () => {
    const files = [
      { sha256: DRAFT, name: 'v1.pdf', role: 'du-thao' as const, size: 1 },
      { sha256: NEWER, name: 'v2.pdf', role: 'du-thao' as const, size: 1 },
    ];
    expect(draftOf(entry({ files }))).toBe(NEWER);
  });
});
