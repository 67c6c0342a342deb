import { describe, expect, it } from 'vitest';
import { StepBodyReadSchema, StepBodySchema, StepKindReadSchema } from '../../../preload/contract/office.ts';
import { OfficeInboxItemSchema } from '../../../preload/contract/wire/office.ts';
import { parseJobPayload } from '../../../main/services/outbox/jobs.ts';

const SHA = 'a'.repeat(64);
/** A cấp số step as written before API 1.7.0, when its kind was `number`. */
const oldStep = {
  kind: 'number',
  soKyHieu: '15/SNV-TCBC',
  ngayBanHanh: '2026-03-02', // fixed-date: data carried by the step
  files: [{ sha256: SHA, name: 'da-cap-so.pdf', role: 'da-cap-so' }],
};

describe('the cấp số step read under its old name `number` (API 1.7.0 renamed it `issue-number`)', () => {
  it('is refused where a step is written (IPC, the client sending): only the new name is written', () => {
    expect(StepBodySchema.safeParse(oldStep).success).toBe(false);
    expect(StepBodySchema.safeParse({ ...oldStep, kind: 'issue-number' }).success).toBe(true);
  });

  it('is read as issue-number where a step is read back: an outbox row, a stored step, a step sent by an older client', () => {
    expect(StepKindReadSchema.parse('number')).toBe('issue-number');
    expect(StepKindReadSchema.parse('seal')).toBe('seal');
    expect(StepBodyReadSchema.parse(oldStep)).toEqual({ ...oldStep, kind: 'issue-number' });
    const job = parseJobPayload(
      'office.step',
      JSON.parse(JSON.stringify({ caseId: 'c1', actor: 'vanthu.snv', step: oldStep })),
    );
    expect(job.step.kind).toBe('issue-number');
  });

  it('a step the server stored under the old name reaches the client under the new one', () => {
    const item = OfficeInboxItemSchema.parse({
      seq: 1,
      step: {
        id: 's1',
        kind: 'number',
        by: { username: 'vanthu.snv', fullName: 'A', chucVu: 'Văn thư' },
        at: '2026-03-02T01:00:00.000Z',
        body: oldStep,
      },
      case: {
        id: 'c1',
        kind: 'outgoing',
        state: 'da-cap-so',
        title: 'Về việc',
        meta: null,
        drafter: null,
        director: null,
        pendingWith: null,
        draftSha256: null,
        files: [],
      },
    });
    expect([item.step.kind, item.step.body.kind]).toEqual(['issue-number', 'issue-number']);
  });

  it('leaves an unknown kind unknown', () => {
    expect(StepBodyReadSchema.safeParse({ ...oldStep, kind: 'numbering' }).success).toBe(false);
  });
});
