import { describe, expect, it } from 'vitest';
import { createOfficeHandoff, type OfficeHandoffDeps } from '../../../main/services/office/office-handoff.ts';
import type { IncomingDocument } from '../../../preload/contract/incoming.ts';
import type { IssuingFile } from '../../../preload/contract/issuing.ts';
import { StepBodySchema, type StepBody } from '../../../preload/contract/office.ts';
import type { OutgoingDocument } from '../../../preload/contract/outgoing.ts';

const sha = (c: string) => c.repeat(64);
const file = (stage: IssuingFile['stage'], c: string): IssuingFile => ({
  stage,
  sha256: sha(c),
  size: 10,
  fileName: `${stage}.pdf`,
});

// Only the fields the hand-off reads; the rest of a record does not matter here.
const draft = (over: Partial<OutgoingDocument> = {}) =>
  ({
    id: 'out-1',
    state: 'du-thao',
    trichYeu: 'Về việc tổ chức hội nghị',
    tenLoai: 'Kế hoạch',
    kyHieu: 'KH-SNV',
    coQuanBanHanh: 'Sở Nội vụ tỉnh Demo',
    recipients: [{ maDinhDanh: '000.00.00.H99', ten: 'UBND tỉnh', statusCode: null }],
    fileSha256: sha('a'),
    ...over,
  }) as unknown as OutgoingDocument;

const received = (over: Partial<IncomingDocument> = {}) =>
  ({
    id: 'truc-7',
    state: 'da-tiep-nhan',
    so: '12',
    kyHieu: 'QĐ-UBND',
    trichYeu: 'Về việc kiểm tra',
    coQuanBanHanh: 'UBND tỉnh',
    soDen: 5,
    // fixed-date: the record's ngày đến, passed through
    ngayDen: '2026-03-02',
    source: 'truc',
    fileSha256: sha('f'),
    fileName: 'qd.pdf',
    ...over,
  }) as unknown as IncomingDocument;

/** The ports as fakes: the steps taken (in order), the local changes, the link a draft step makes. */
function harness(doc: OutgoingDocument, files: IssuingFile[], incoming = received()) {
  const taken: { caseId: string; step: StepBody; outgoingId?: string }[] = [];
  const local: string[] = [];
  let linked: string | null = null;
  let failSubmit = false;
  const deps: OfficeHandoffDeps = {
    office: {
      newCaseId: () => `case-${taken.length + 1}`,
      async take(caseId, step, links) {
        if (step.kind === 'submit-for-signature' && failSubmit) {
          failSubmit = false;
          throw new Error('store busy');
        }
        if (links?.outgoingId !== undefined) {
          linked = caseId;
        }
        taken.push({ caseId, step, ...(links?.outgoingId === undefined ? {} : { outgoingId: links.outgoingId }) });
        return { stepId: `s${taken.length}`, caseState: step.kind === 'draft' ? 'du-thao' : 'trinh-ky' };
      },
      async case(caseId) {
        return {
          id: caseId,
          kind: 'outgoing',
          state: 'du-thao',
          title: '',
          meta: {},
          files: [],
          steps: taken
            .filter((t) => t.caseId === caseId)
            .map((t, i) => ({
              id: `s${i}`,
              kind: t.step.kind,
              actor: 'cv',
              actorName: 'CV',
              body: t.step,
              origin: 'local' as const,
              at: '',
            })),
        };
      },
    },
    outgoing: async () => doc,
    issuingFiles: async () => files,
    incoming: async () => incoming,
    caseOf: async () => linked,
    markSubmitted: async (id) => local.push(`submitted ${id}`),
    markPresented: async (id, note) => local.push(`presented ${id} ${note}`),
  };
  return { handoff: createOfficeHandoff(deps), taken, local, failNextSubmit: () => (failSubmit = true) };
}

describe('office hand-off: a draft sent from Văn bản đi to a named leader', () => {
  it('takes the draft step with the PDF and the source file, linked to the record, then trình ký to the leader through the trưởng phòng', async () => {
    const h = harness(draft(), [file('nguon', 'e'), file('du-thao', 'a')]);
    const result = await h.handoff.submitDraft({
      id: 'out-1',
      to: 'lanhdao.snv',
      via: 'truongphong.snv',
      note: ' Kính trình ',
    });
    expect(result.caseId).toBe('case-1');
    expect(h.taken.map((t) => t.step.kind)).toEqual(['draft', 'submit-for-signature']);
    expect(h.taken[0]).toMatchObject({
      outgoingId: 'out-1',
      step: {
        kind: 'draft',
        kyHieu: 'KH-SNV',
        recipients: [{ maDinhDanh: '000.00.00.H99', ten: 'UBND tỉnh' }],
        files: [
          { sha256: sha('a'), role: 'du-thao' },
          { sha256: sha('e'), role: 'nguon' },
        ],
      },
    });
    expect(h.taken[1]?.step).toEqual({
      kind: 'submit-for-signature',
      to: 'lanhdao.snv',
      via: 'truongphong.snv',
      draftSha256: sha('a'),
      note: 'Kính trình',
    });
    for (const { step } of h.taken) {
      expect(StepBodySchema.safeParse(step).success).toBe(true);
    }
    expect(h.local).toEqual(['submitted out-1']);
  });

  it('after a failure between the two steps, trying again sends trình ký on the same case without a second draft', async () => {
    const h = harness(draft(), [file('du-thao', 'a')]);
    h.failNextSubmit();
    await expect(h.handoff.submitDraft({ id: 'out-1', to: 'lanhdao.snv', via: null })).rejects.toThrow('store busy');
    await h.handoff.submitDraft({ id: 'out-1', to: 'lanhdao.snv', via: null });
    expect(h.taken.map((t) => `${t.caseId} ${t.step.kind}`)).toEqual(['case-1 draft', 'case-1 submit-for-signature']);
  });

  it('refuses a draft already submitted, or one without its stored PDF, before taking any step', async () => {
    const submitted = harness(draft({ state: 'trinh-ky' }), [file('du-thao', 'a')]);
    await expect(submitted.handoff.submitDraft({ id: 'out-1', to: 'lanhdao.snv', via: null })).rejects.toMatchObject({
      code: 'STATE_TRANSITION_INVALID',
    });
    const noPdf = harness(draft({ fileSha256: null }), []);
    await expect(noPdf.handoff.submitDraft({ id: 'out-1', to: 'lanhdao.snv', via: null })).rejects.toMatchObject({
      code: 'STATE_TRANSITION_INVALID',
    });
    expect([...submitted.taken, ...noPdf.taken]).toEqual([]);
  });
});

describe('office hand-off: a received document presented to a named leader', () => {
  it('a document from the trục keeps its id there (statuses reach its sender) and carries its file', async () => {
    const h = harness(draft(), []);
    await h.handoff.present({ id: 'truc-7', to: 'lanhdao.snv', note: 'Kính trình' });
    expect(h.taken).toEqual([
      {
        caseId: 'truc-7',
        step: {
          kind: 'submit',
          to: 'lanhdao.snv',
          note: 'Kính trình',
          document: {
            soKyHieu: '12/QĐ-UBND',
            trichYeu: 'Về việc kiểm tra',
            coQuanBanHanh: 'UBND tỉnh',
            soDen: 5,
            ngayDen: '2026-03-02', // fixed-date: as above
            trucDocumentId: 'truc-7',
          },
          files: [{ sha256: sha('f'), name: 'qd.pdf', role: 'van-ban' }],
        },
      },
    ]);
    expect(h.local).toEqual(['presented truc-7 Kính trình']);
  });

  it('a paper document has no trục id; a document not yet received is refused', async () => {
    const paper = harness(draft(), [], received({ source: 'giay', fileSha256: null }));
    await paper.handoff.present({ id: 'truc-7', to: 'lanhdao.snv' });
    expect(paper.taken[0]?.step).toMatchObject({ document: { trucDocumentId: null }, files: [] });
    const arrived = harness(draft(), [], received({ state: 'da-den' }));
    await expect(arrived.handoff.present({ id: 'truc-7', to: 'lanhdao.snv' })).rejects.toMatchObject({
      code: 'STATE_TRANSITION_INVALID',
    });
  });
});
