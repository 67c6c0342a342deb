import { afterEach, describe, expect, it } from 'vitest';
import type { ReferenceServer } from '../../../server/app.ts';
import { CLIENT_API_VERSION, CLIENT_API_VERSION_HEADER } from '../../../preload/contract/wire/office.ts';
import { DEMO_PASSWORD } from '../../../server/seed.ts';
import { closeOfficeWorkstations, drain, pullInbox, SNV, startOfficeDay } from './support.ts';

const pdf = (text: string) => Buffer.from(`%PDF-1.7\n% ${text}\n%%EOF\n`);

/**
 * The cấp số step was called `number` before API 1.7.0 (now `issue-number`). A workstation
 * upgraded with such a step still in its outbox, and in its own office_steps, reads it under the
 * new name: the job is sent and accepted, and the step shows as cấp số.
 */
describe('an office step stored under its old name (number) survives the upgrade', () => {
  let server: ReferenceServer | undefined;
  afterEach(async () => {
    closeOfficeWorkstations();
    await server?.close();
    server = undefined;
  });

  it('the outbox job and the stored step written as `number` are read, sent and shown as `issue-number`', async () => {
    const { started, open } = await startOfficeDay();
    server = started.server;
    const cv = await open('chuyenvien.snv');
    const ld = await open('lanhdao.snv');
    const vt = await open('vanthu.snv');

    const caseId = cv.office.newCaseId();
    const draft = cv.putFile(pdf('dự thảo'));
    await cv.office.take(caseId, {
      kind: 'draft',
      trichYeu: 'Về việc cử cán bộ đi tập huấn',
      tenLoai: 'Công văn',
      files: [{ sha256: draft, name: 'du-thao.pdf', role: 'du-thao' }],
    });
    await cv.office.take(caseId, { kind: 'submit-for-signature', to: 'lanhdao.snv', via: null, draftSha256: draft });
    await drain(cv);
    await pullInbox(ld);
    const signed = ld.putFile(pdf('dự thảo + chữ ký lãnh đạo'));
    await ld.office.take(caseId, {
      kind: 'sign',
      draftSha256: draft,
      files: [{ sha256: signed, name: 'da-ky.pdf', role: 'da-ky' }],
    });
    await drain(ld);
    await pullInbox(vt);

    const numbered = vt.putFile(pdf('đã cấp số'));
    const { stepId } = await vt.office.take(caseId, {
      kind: 'issue-number',
      soKyHieu: '15/SNV-TCBC',
      ngayBanHanh: '2026-03-02', // fixed-date: the number's date is data carried by the step
      files: [{ sha256: numbered, name: 'da-cap-so.pdf', role: 'da-cap-so' }],
    });
    // As a workstation before 1.7.0 wrote it: the step row and its outbox job say `number`.
    const renamed = vt.db
      .prepare(`UPDATE office_steps SET kind = 'number', body = json_set(body, '$.kind', 'number') WHERE id = ?`)
      .run(stepId);
    const job = vt.db
      .prepare(`UPDATE outbox_jobs SET payload = json_set(payload, '$.step.kind', 'number') WHERE id = ?`)
      .run(stepId);
    expect([renamed.changes, job.changes]).toEqual([1, 1]);

    const stored = (await vt.office.case(caseId)).steps.find((step) => step.id === stepId);
    expect(stored).toMatchObject({ kind: 'issue-number', body: { kind: 'issue-number', soKyHieu: '15/SNV-TCBC' } });

    await drain(vt);
    expect(vt.db.prepare('SELECT state FROM outbox_jobs WHERE id = ?').pluck().get(stepId)).toBe('done');
    expect(await vt.office.conflicts()).toEqual([]);
    const onServer = started.server.db
      .prepare(
        'SELECT s.kind, c.state FROM office_steps s JOIN office_cases c ON c.id = s.case_id AND c.org = s.org WHERE s.org = ? AND s.step_id = ?',
      )
      .get(SNV, stepId);
    expect(onServer).toEqual({ kind: 'issue-number', state: 'da-cap-so' });

    // The other văn thư's inbox holds the step: a workstation before 1.7.0 (no X-Api-Version) reads
    // it as `number`, the name its parse knows; this version's client reads `issue-number`.
    const login = await fetch(`${started.url}/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'vanthu2.snv', password: DEMO_PASSWORD }),
    });
    const { accessToken } = (await login.json()) as { accessToken: string };
    const inboxStep = async (headers: Record<string, string>) => {
      const answer = await fetch(`${started.url}/v1/office/inbox?cursor=0&limit=500`, {
        headers: { authorization: `Bearer ${accessToken}`, ...headers },
      });
      const page = (await answer.json()) as {
        items: Array<{ step: { id: string; kind: string; body: { kind: string } } }>;
      };
      return page.items.find((item) => item.step.id === stepId)?.step;
    };
    expect(await inboxStep({})).toMatchObject({ kind: 'number', body: { kind: 'number' } });
    expect(await inboxStep({ [CLIENT_API_VERSION_HEADER]: CLIENT_API_VERSION })).toMatchObject({
      kind: 'issue-number',
      body: { kind: 'issue-number' },
    });
  }, 60_000);
});
