import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { startBackground, type Background } from '../../../main/app/background.ts';
import { vietnamYear } from '../../../main/domain/vietnam-time.ts';
import { attachmentPath } from '../../../main/services/store/attachments.ts';
import { openDatabase } from '../../../main/services/store/open-database.ts';
import { createStore } from '../../../main/services/store/store.ts';
import type { FilePurpose } from '../../../preload/contract/files.ts';
import type { ReferenceServer } from '../../../server/app.ts';
import { DEMO_PASSWORD } from '../../../server/seed.ts';
import { startServer } from '../../integration/sync/support.ts';
import { openApp, type TestApp } from '../../support/app.ts';
import { usePki } from '../../support/pki/use-pki.ts';
import { allValid, validateAll } from '../../support/validators.ts';
import { FIXTURE_DOCX, FIXTURE_PDF } from './issuing-support.ts';

const pki = usePki();
const SNV = '000.00.01.H99';
const UBND_RECIPIENT = { maDinhDanh: '000.00.00.H99', ten: 'Ủy ban nhân dân tỉnh Demo' };

interface Workstation extends TestApp {
  readonly background: Background;
}

/**
 * Signing from the queue (#16): three workstations (chuyên viên, lãnh đạo, văn thư), each its own
 * profile, store worker and background loop, against the reference server. The draft reaches the
 * leader by trình ký and becomes a local record there; the leader signs it with the batch signing
 * (SoftHSM2); the signed file travels back as đã ký; the văn thư numbers and seals it. Nothing
 * pressed: every step leaves and arrives by itself.
 */
describe('a draft signed at the leader’s workstation and numbered at the văn thư’s (#16)', () => {
  let server: ReferenceServer | undefined;
  const stations: Workstation[] = [];
  afterAll(async () => {
    for (const ws of stations) {
      await ws.background.stop();
      await ws.close();
      await ws.services.tokens.stop();
    }
    await server?.close();
  });

  function open(url: string): Workstation {
    const profileDir = join(mkdtempSync(join(tmpdir(), 'vanthu-office-ky-')), 'profile');
    // A leased block for the sổ đi, as a workstation that was online before holds one (used only if the server's number fails).
    const seeded = openDatabase(join(profileDir, 'vanthu.sqlite'));
    const seededStore = createStore({ db: seeded, filesDir: join(profileDir, 'files'), maDinhDanh: SNV });
    // real time: the services under test number in the year of the process clock.
    const year = vietnamYear(new Date());
    const register = seededStore.context.registers.ensure({ maDinhDanh: SNV, kind: 'di', year });
    seededStore.context.registers.addLease(register.id, { firstNumber: 1, lastNumber: null });
    seeded.close();
    const app = openApp({ profileDir, organization: { maDinhDanh: SNV, name: 'Sở Nội vụ tỉnh Demo' } });
    app.services.settings.update({
      server: { url },
      tokens: { modulePaths: [pki.softhsm.module] },
      verify: { trustPaths: [pki.subPem, pki.rootPem] },
    });
    const ws: Workstation = { ...app, background: startBackground(app.services) };
    stations.push(ws);
    return ws;
  }

  const tokenOf = (id: 'person' | 'org') => {
    const token = pki.certs[id]?.token;
    const pin = pki.softhsm.tokens.find((t) => t.label === token?.label)?.pin;
    if (token === undefined || pin === undefined) {
      throw new Error(`${id} is not on a token`);
    }
    return { signer: { modulePath: pki.softhsm.module, token: { label: token.label }, keyIdHex: token.keyIdHex }, pin };
  };

  async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, ms = 30_000): Promise<T> {
    // real time: a bound on how long the background loops may take, never a date in the data.
    const until = Date.now() + ms;
    // real time: as above.
    while (Date.now() < until) {
      const found = await probe();
      if (found !== undefined) {
        return found;
      }
      await delay(50);
    }
    throw new Error(`timed out waiting for ${what}`);
  }

  async function upload(ws: Workstation, purpose: FilePurpose, name: string, bytes: Uint8Array): Promise<string> {
    const { handle } = await ws.value('files.begin', { purpose, name, size: bytes.byteLength });
    await ws.value('files.append', { handle, offset: 0, base64: Buffer.from(bytes).toString('base64') });
    return (await ws.value('files.finish', { handle })).handle;
  }

  const serverCase = (id: string) =>
    server?.state.db.prepare('select state from office_cases where id = ?').pluck().get(id) as string | undefined;

  it('trình ký → ký duyệt at the leader’s (batch, one PIN) → đã ký travels back → cấp số, đóng dấu at the văn thư’s', async () => {
    const started = await startServer();
    server = started.server;
    const cv = open(started.url);
    const ld = open(started.url);
    const vt = open(started.url);
    for (const [ws, username] of [
      [cv, 'chuyenvien.snv'],
      [ld, 'lanhdao.snv'],
      [vt, 'vanthu.snv'],
    ] as const) {
      expect(await ws.call('people.signIn', { username, password: DEMO_PASSWORD })).toMatchObject({ ok: true });
    }

    // The chuyên viên drafts through the issuing chain (fields prepared), then the draft and trình ký go to the server.
    const draft = await cv.value('issuing.createDraft', {
      input: {
        tenLoai: 'Quyết định',
        kyHieu: 'QĐ-SNV',
        trichYeu: 'Về việc ban hành Quy chế văn thư',
        coQuanBanHanh: 'Sở Nội vụ tỉnh Demo',
        recipients: [UBND_RECIPIENT],
      },
      pdf: await upload(cv, 'pdf', 'Du thao QD.pdf', readFileSync(FIXTURE_PDF)),
      source: await upload(cv, 'nguon', 'Du thao QD.docx', readFileSync(FIXTURE_DOCX)),
    });
    const draftSha = draft.fileSha256 ?? '';
    const { caseId } = await cv.value('office.take', {
      step: {
        kind: 'draft',
        trichYeu: draft.trichYeu,
        tenLoai: draft.tenLoai,
        kyHieu: draft.kyHieu,
        coQuanBanHanh: draft.coQuanBanHanh,
        recipients: [UBND_RECIPIENT],
        files: [{ sha256: draftSha, name: 'Du thao QD.pdf', role: 'du-thao' }],
      },
    });
    await cv.value('office.take', {
      caseId,
      step: { kind: 'submit-for-signature', to: 'lanhdao.snv', via: null, draftSha256: draftSha },
    });

    // At the leader's workstation the trình ký became a local record holding the very draft, by hash.
    const atLeader = await waitFor(
      'the leader’s record',
      async () => (await ld.value('outgoing.list', { state: 'trinh-ky' }))[0],
    );
    expect(atLeader).toMatchObject({
      kyHieu: 'QĐ-SNV',
      trichYeu: 'Về việc ban hành Quy chế văn thư',
      fileSha256: draftSha,
    });
    const signed = await ld.value('issuing.sign', { ids: [atLeader.id], ...tokenOf('person') });
    expect(signed).toMatchObject({ total: 1, failed: 0, results: [{ ok: true, document: { state: 'da-ky' } }] });
    const signedSha =
      (await ld.value('issuing.files', { id: atLeader.id })).find((f) => f.stage === 'da-ky')?.sha256 ?? '';

    // The signed file travels back as đã ký: the văn thư's workstation holds it as a record in da-ky.
    const atVanThu = await waitFor(
      'the văn thư’s record',
      async () => (await vt.value('outgoing.list', { state: 'da-ky' }))[0],
    );
    expect(atVanThu.fileSha256).toBe(signedSha);
    expect(readFileSync(attachmentPath(vt.services.profile.files, signedSha))).toEqual(
      readFileSync(attachmentPath(ld.services.profile.files, signedSha)),
    );
    expect(serverCase(caseId)).toBe('da-ky');

    const numbered = await vt.value('issuing.issueNumber', { id: atVanThu.id });
    expect(numbered).toMatchObject({ state: 'da-cap-so', soKyHieu: expect.stringMatching(/\/QĐ-SNV$/) });
    const sealed = await vt.value('issuing.seal', { id: atVanThu.id, ...tokenOf('org') });
    expect(sealed.state).toBe('da-dong-dau');
    // Tools we did not write accept both signatures: the leader's (made on another workstation) and the seal.
    const report = validateAll(attachmentPath(vt.services.profile.files, sealed.fileSha256 ?? ''), pki);
    expect(allValid(report, 2), JSON.stringify(report, null, 1)).toBe(true);
    // Phát hành to the nơi nhận the draft named; cấp số, đóng dấu and phát hành reach the server as the case's steps.
    const published = await vt.value('issuing.publish', { id: atVanThu.id });
    expect(published).toMatchObject({ state: 'da-phat-hanh', recipients: [{ maDinhDanh: UBND_RECIPIENT.maDinhDanh }] });
    await waitFor('the published case on the server', async () =>
      serverCase(caseId) === 'da-phat-hanh' ? true : undefined,
    );
    // The publication reaches the recipient organization through the trục, with the sealed file.
    const delivered = await waitFor(
      'the delivery to UBND',
      async () =>
        server?.state.db
          .prepare(
            `select d.so_ky_hieu, f.sha256 from documents d join deliveries v on v.document_id = d.id
           join document_files f on f.document_id = d.id where v.to_org = ?`,
          )
          .get(UBND_RECIPIENT.maDinhDanh) as { so_ky_hieu: string; sha256: string } | undefined,
    );
    expect(delivered).toEqual({ so_ky_hieu: published.soKyHieu, sha256: sealed.fileSha256 });

    // The drafter's workstation saw đã ký in its queue but made no record of its own (the văn thư issues).
    expect(await cv.value('outgoing.list', { state: 'da-ky' })).toEqual([]);
  }, 120_000);
});
