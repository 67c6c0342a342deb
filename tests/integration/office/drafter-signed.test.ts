import { afterEach, describe, expect, it } from 'vitest';
import { OutgoingInputSchema } from '../../../preload/contract/outgoing.ts';
import { createOfficeHandoff } from '../../../main/services/office/office-handoff.ts';
import { caseOfOutgoing } from '../../../main/services/store/office-outgoing.ts';
import { createDraft, issuingFiles } from '../../../main/services/store/issuing.ts';
import { getOutgoing, submitOutgoing } from '../../../main/services/store/outgoing-service.ts';
import { outgoingReturns } from '../../../main/services/store/workflow-actions.ts';
import type { ReferenceServer } from '../../../server/app.ts';
import { closeOfficeWorkstations, drain, pullInbox, type OfficeWorkstation, startOfficeDay } from './support.ts';

const pdf = (text: string) => Buffer.from(`%PDF-1.7\n% ${text}\n%%EOF\n`);

/** The chuyên viên's draft on their own workstation, sent for signature from Văn bản đi (office.submitDraft). */
async function draftSentFromVanBanDi(
  cv: OfficeWorkstation,
  text: string,
): Promise<{ id: string; draft: string; sendAgain: () => Promise<unknown> }> {
  const ctx = cv.store.context;
  const bytes = pdf(text);
  const draft = cv.putFile(bytes);
  const source = cv.putFile(Buffer.from(`PK docx ${text}`));
  const doc = createDraft(
    ctx,
    OutgoingInputSchema.parse({
      tenLoai: 'Kế hoạch',
      kyHieu: 'KH-SNV',
      trichYeu: 'Về việc tổ chức hội nghị công tác văn thư',
      coQuanBanHanh: 'Sở Nội vụ tỉnh Demo',
      recipients: [{ maDinhDanh: '000.00.00.H99', ten: 'Ủy ban nhân dân tỉnh Demo' }],
    }),
    { sha256: draft, size: bytes.length, name: 'du-thao.pdf', mediaType: 'application/pdf' },
    { sha256: source, size: 16, name: 'du-thao.docx', mediaType: 'application/octet-stream' },
  );
  const handoff = createOfficeHandoff({
    office: cv.office,
    outgoing: async (id) => getOutgoing(ctx, id),
    issuingFiles: async (id) => issuingFiles(ctx, id),
    incoming: () => Promise.reject(new Error('not used')),
    caseOf: async (id) => caseOfOutgoing(ctx, id),
    markSubmitted: async (id) => submitOutgoing(ctx, id),
    markPresented: () => Promise.reject(new Error('not used')),
  });
  await handoff.submitDraft({ id: doc.id, to: 'lanhdao.snv', via: null });
  return { id: doc.id, draft, sendAgain: () => handoff.submitDraft({ id: doc.id, to: 'lanhdao.snv', via: null }) };
}

describe("the drafter's own record follows the leader's signature or return (#16)", () => {
  let server: ReferenceServer | undefined;
  afterEach(async () => {
    closeOfficeWorkstations();
    await server?.close();
    server = undefined;
  });

  it('sent from Văn bản đi, signed at the leader’s workstation: the record shows Đã ký with the signed file', async () => {
    const day = await startOfficeDay();
    server = day.server;
    const cv = await day.open('chuyenvien.snv');
    const ld = await day.open('lanhdao.snv');

    const { id, draft } = await draftSentFromVanBanDi(cv, 'dự thảo kế hoạch');
    expect(getOutgoing(cv.store.context, id).state).toBe('trinh-ky');
    await drain(cv);
    await pullInbox(ld);
    const caseId = caseOfOutgoing(cv.store.context, id) ?? '';
    const signed = ld.putFile(pdf('dự thảo kế hoạch + chữ ký lãnh đạo'));
    await ld.office.take(caseId, {
      kind: 'sign',
      draftSha256: draft,
      files: [{ sha256: signed, name: 'da-ky.pdf', role: 'da-ky' }],
    });
    await drain(ld);

    await pullInbox(cv);
    expect((await cv.office.queue())[0]).toMatchObject({ stepKind: 'sign', caseState: 'da-ky', filesReady: true });
    // Before, the record stayed in Trình ký on the drafter's workstation after the leader had signed.
    const record = getOutgoing(cv.store.context, id);
    expect(record).toMatchObject({ state: 'da-ky', fileSha256: signed });
    expect(issuingFiles(cv.store.context, id).map((f) => [f.stage, f.sha256])).toContainEqual(['da-ky', signed]);
  });

  it('a draft replaced after the leader signed the earlier one stays as it is', async () => {
    const day = await startOfficeDay();
    server = day.server;
    const cv = await day.open('chuyenvien.snv');
    const ld = await day.open('lanhdao.snv');
    const { id } = await draftSentFromVanBanDi(cv, 'dự thảo A');
    await drain(cv);
    await pullInbox(ld);
    const caseId = caseOfOutgoing(cv.store.context, id) ?? '';
    const signed = ld.putFile(pdf('chữ ký trên một bản khác'));
    // A sign step naming another draft than the record's (as after a replacement): the record does not move.
    const other = ld.putFile(pdf('dự thảo khác'));
    cv.store.context.db
      .prepare(
        `INSERT INTO office_steps (id, case_id, kind, actor, actor_name, body, origin, at) VALUES (?, ?, 'sign', 'lanhdao.snv', 'Lãnh đạo', ?, 'server', ?)`,
      )
      .run(
        'sign-other',
        caseId,
        JSON.stringify({
          kind: 'sign',
          draftSha256: other,
          files: [{ sha256: signed, name: 'da-ky.pdf', role: 'da-ky' }],
        }),
        day.clock.now().toISOString(),
      );
    cv.putFile(pdf('chữ ký trên một bản khác'));
    await pullInbox(cv);
    expect(getOutgoing(cv.store.context, id).state).toBe('trinh-ky');
  });

  it('returned with comments at the leader’s workstation: the record is Dự thảo again, the comment on it', async () => {
    const day = await startOfficeDay();
    server = day.server;
    const cv = await day.open('chuyenvien.snv');
    const ld = await day.open('lanhdao.snv');

    const { id, draft, sendAgain } = await draftSentFromVanBanDi(cv, 'dự thảo kế hoạch');
    await drain(cv);
    await pullInbox(ld);
    const caseId = caseOfOutgoing(cv.store.context, id) ?? '';
    const comment = 'Bổ sung thành phần tham dự và thời gian tổ chức.';
    await ld.office.take(caseId, { kind: 'return-draft', comment, draftSha256: draft });
    await drain(ld);

    await pullInbox(cv);
    expect((await cv.office.queue())[0]).toMatchObject({ stepKind: 'return-draft', caseState: 'tra-lai' });
    // Before, the record stayed in Trình ký on the drafter's workstation after the leader had returned it.
    expect(getOutgoing(cv.store.context, id)).toMatchObject({ state: 'du-thao', fileSha256: draft });
    expect(outgoingReturns(cv.store.context, id)).toMatchObject([{ comment, returnedBy: 'Hoàng Văn Nam' }]);

    // Sent again: the return that already arrived does not move it back on the next pull.
    await sendAgain();
    expect(getOutgoing(cv.store.context, id).state).toBe('trinh-ky');
    await drain(cv);
    await pullInbox(cv);
    expect(getOutgoing(cv.store.context, id).state).toBe('trinh-ky');
    expect(outgoingReturns(cv.store.context, id)).toHaveLength(1);
  });
});
