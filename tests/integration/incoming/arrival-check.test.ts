import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ArrivalCheck } from '../../../preload/contract/arrival-check.ts';
import { vietnamYear } from '../../../main/domain/vietnam-time.ts';
import { checkArrival, createArrivalChecker } from '../../../main/services/incoming/arrival-checker.ts';
import { inProcessInspector } from '../../../main/services/incoming/inspect-file.ts';
import { clamavScanner } from '../../../main/services/incoming/malware/clamav.ts';
import { noScanner, type MalwareScanner } from '../../../main/services/incoming/malware/malware-port.ts';
import { silentLogger } from '../../../main/services/log/logger.ts';
import { createVerifyService, type VerifyService } from '../../../main/services/pdf/verify/verify-service.ts';
import { loadPrintableRegister } from '../../../main/services/store/register-rows.ts';
import { createSettingsStore } from '../../../main/services/settings/settings-store.ts';
import { sha256Of, writeAttachmentFile } from '../../../main/services/store/attachments.ts';
import type { StoreCall } from '../../../main/services/store/store-client.ts';
import { storeMethods, type StoreMethods } from '../../../main/services/store/store-protocol.ts';
import type { StoreApi } from '../../../main/services/store/store.ts';
import { createStoreInboxSink } from '../../../main/services/store/store-sinks.ts';
import { testNow } from '../../support/clock/clock.ts';
import { eicarDatabase, writeActiveCorpus, type ActiveKind } from '../../support/incoming/active-corpus.ts';
import { usePki } from '../../support/pki/use-pki.ts';
import { buildVerifyCorpus, type Corpus } from '../../support/verify/corpus.ts';
import { incoming, openLease, openTestStore } from '../store/helpers.ts';

const pki = usePki();
const dir = mkdtempSync(join(tmpdir(), 'vanthu-arrival-'));
const ISSUER = 'ỦY BAN NHÂN DÂN TỈNH X';
let corpus: Corpus;
let active: Record<ActiveKind, string>;
let verify: VerifyService;
let clamav: MalwareScanner;
const clamscan = existsSync('/usr/bin/clamscan');

/** The store's method table called in-process, as the store client calls it in the worker. */
function inProcess(store: StoreApi): StoreCall {
  const methods = storeMethods(store, (() => {
    throw new Error('no backup here');
  }) as StoreMethods['store.backup']);
  return ((method: keyof StoreMethods, ...args: unknown[]) =>
    Promise.resolve().then(() => (methods[method] as (...a: unknown[]) => unknown)(...args))) as StoreCall;
}

async function check(path: string, coQuanBanHanh = ISSUER, scanner = clamav): Promise<ArrivalCheck> {
  const filesDir = join(dir, 'files');
  const sha256 = writeAttachmentFile(filesDir, new Uint8Array(readFileSync(path)));
  const { check: result } = await checkArrival(
    { inspect: inProcessInspector(verify), scanner, filesDir, scratchDir: join(dir, 'quet') },
    { sha256, coQuanBanHanh },
    testNow(),
  );
  return result;
}

const codes = (c: ArrivalCheck): string[] => c.findings.map((f) => f.code);

beforeAll(async () => {
  mkdirSync(join(dir, 'corpus'));
  corpus = await buildVerifyCorpus(pki, join(dir, 'corpus'));
  active = await writeActiveCorpus(dir);
  verify = createVerifyService({
    settings: createSettingsStore({ store: { verify: { trustPaths: [pki.rootPem, pki.subPem] } } }),
    log: silentLogger,
    cacheDir: join(dir, 'cache'),
    evidenceDir: join(dir, 'evidence'),
  });
  clamav = clamscan ? clamavScanner({ command: '/usr/bin/clamscan', database: eicarDatabase(dir) }) : noScanner;
}, 240_000);

describe('the arrival check: a corpus the test builds', () => {
  it('classifies the leader’s and the organization’s signatures and says when the seal is missing', async () => {
    const leaderOnly = await check(corpus['vanthu-1']);
    expect(leaderOnly.signatures.map((s) => s.kind)).toEqual(['personal']);
    expect(codes(leaderOnly)).toContain('ORGANIZATION_SIGNATURE_MISSING');
    expect(leaderOnly.verdict).toBe('invalid');
    expect(leaderOnly.findings.find((f) => f.code === 'ORGANIZATION_SIGNATURE_MISSING')?.message).toMatch(
      /thiếu chữ ký số của cơ quan/u,
    );

    const both = await check(corpus['vanthu-2']);
    expect(both.signatures.map((s) => s.kind)).toEqual(['personal', 'organization']);
    expect(codes(both)).not.toContain('ORGANIZATION_SIGNATURE_MISSING');
    expect(codes(both)).not.toContain('PERSONAL_SIGNATURE_MISSING');
    expect(codes(both)).not.toContain('SEALED_BY_OTHER_ORGANIZATION');
    expect(both.verdict).not.toBe('invalid');
  });

  it('says when the organization that sealed it is not the issuing organization of the metadata', async () => {
    const other = await check(corpus['vanthu-2'], 'Sở Tư pháp tỉnh Z');
    expect(codes(other)).toContain('SEALED_BY_OTHER_ORGANIZATION');
    expect(other.verdict).not.toBe('valid');
    expect(other.findings.find((f) => f.code === 'SEALED_BY_OTHER_ORGANIZATION')?.severity).toBe('indeterminate');
    expect(other.findings.find((f) => f.code === 'SEALED_BY_OTHER_ORGANIZATION')?.message).toContain(ISSUER);
  });

  it.each([
    ['javascript', 'mã JavaScript', 'indeterminate'],
    ['launch', 'Launch', 'indeterminate'],
    ['submit-form', 'SubmitForm', 'indeterminate'],
    ['open-action', 'OpenAction', 'indeterminate'],
    ['embedded-eicar', 'tệp đính kèm ẩn', 'indeterminate'],
    ['xfa', 'XFA', 'indeterminate'],
    ['rich-media', 'RichMedia', 'indeterminate'],
    ['uri', 'URI', 'info'],
    ['open-view', 'trang mở đầu', 'info'],
  ] as const)('finds active content: %s', async (kind, label, severity) => {
    const result = await check(active[kind]);
    const found = result.findings.filter((f) => f.code === 'ACTIVE_CONTENT');
    expect(found.some((f) => f.message.includes(label) && f.severity === severity)).toBe(true);
    if (severity === 'indeterminate') {
      expect(found.find((f) => f.message.includes(label))?.message).toMatch(
        /^Văn bản có mã thực thi\/tệp đính kèm ẩn/u,
      );
      expect(found.find((f) => f.message.includes(label))?.where.length).toBeGreaterThan(0);
    }
  });

  it('finds none in a plain file', async () => {
    expect(codes(await check(active.plain))).not.toContain('ACTIVE_CONTENT');
  });

  it.runIf(clamscan)('ClamAV finds EICAR inside an embedded file; a clean file is clean', async () => {
    const infected = await check(active['embedded-eicar']);
    expect(infected.malware.status).toBe('infected');
    expect(infected.malware.detail).toContain('Vanthu.Test.EICAR');
    expect(codes(infected)).toContain('MALWARE_FOUND');
    expect(infected.verdict).toBe('invalid');
    expect((await check(active.plain)).malware.status).toBe('clean');
  });

  it('without a scanner the check says “chưa quét mã độc” rather than pretending', async () => {
    const result = await check(active.plain, ISSUER, noScanner);
    expect(result.malware.status).toBe('not-scanned');
    expect(result.findings.find((f) => f.code === 'MALWARE_NOT_SCANNED')?.message).toBe('Tệp chưa quét mã độc.');
  });
});

describe('arrival → check → tiếp nhận or trả lại', () => {
  function arrive(store: StoreApi, path: string, id: string, fromOrg = '000.00.00.H99'): void {
    const bytes = new Uint8Array(readFileSync(path));
    writeAttachmentFile(store.context.filesDir, bytes);
    createStoreInboxSink(store.context).applyInbox(
      [
        {
          seq: 1,
          kind: 'document',
          document: {
            id,
            fromOrg,
            soKyHieu: '12/QĐ-UBND',
            trichYeu: 'Về việc thử',
            tenLoai: 'Quyết định',
            ngayBanHanh: testNow().toISOString(),
            files: [{ sha256: sha256Of(bytes), name: 'vb.pdf', size: bytes.byteLength }],
            recalledAt: null,
            recallReason: null,
          },
        },
      ],
      `c-${id}`,
    );
  }

  it('an arrival has no số đến until tiếp nhận, which needs the verdict; trả lại keeps it out of the sổ', async () => {
    const { store } = openTestStore({ now: testNow() });
    const registerId = openLease(store, vietnamYear(testNow()));
    store.context.db
      .prepare(`INSERT INTO organizations (ma_dinh_danh, ten, updated_at) VALUES (?, ?, ?)`)
      .run('000.00.00.H99', ISSUER, testNow().toISOString());
    arrive(store, corpus['vanthu-2'], 'doc-both');
    arrive(store, corpus['vanthu-1'], 'doc-leader');
    const arrived = store.getIncoming('doc-both');
    expect(arrived.soDen).toBeNull();
    expect(arrived.soDenTam).toBeNull();
    expect(arrived.soDenHienThi).toBe('');
    expect(store.context.outbox.list({}).filter((j) => j.kind === 'incoming.register')).toHaveLength(0);
    expect(() => store.transitionIncoming('doc-both', 'da-tiep-nhan')).toThrow(
      expect.objectContaining({ code: 'ARRIVAL_UNCHECKED' }),
    );

    const call = inProcess(store);
    const checker = createArrivalChecker({
      store: call,
      inspect: inProcessInspector(verify),
      scanner: noScanner,
      filesDir: store.context.filesDir,
      scratchDir: join(dir, 'quet'),
      log: silentLogger,
      clock: testNow,
    });
    checker.wake();
    await checker.idle();
    const checked = store.getIncoming('doc-both');
    expect(checked.arrivalCheck?.signatures.map((s) => s.kind)).toEqual(['personal', 'organization']);
    const leader = store.getIncoming('doc-leader');
    expect(leader.arrivalCheck?.verdict).toBe('invalid');

    // Not conclusive (offline revocation, no scanner) → only with the văn thư's reason, audited.
    if (checked.arrivalCheck?.verdict === 'indeterminate') {
      expect(() => store.transitionIncoming('doc-both', 'da-tiep-nhan')).toThrow(
        expect.objectContaining({ code: 'ARRIVAL_UNCHECKED' }),
      );
    }
    const received = store.transitionIncoming(
      'doc-both',
      'da-tiep-nhan',
      undefined,
      'Đã gọi điện xác nhận với nơi gửi',
    );
    expect(received.soDen).toBe(1);
    expect(store.context.outbox.list({}).filter((j) => j.kind === 'incoming.register')).toHaveLength(1);

    // An invalid one cannot be received: trả lại with the prepared reasons.
    expect(() => store.transitionIncoming('doc-leader', 'da-tiep-nhan', undefined, 'vẫn nhận')).toThrow(
      expect.objectContaining({ code: 'ARRIVAL_REJECTED' }),
    );
    const reason = await call('incoming.returnReason', 'doc-leader');
    expect(reason).toMatch(/thiếu chữ ký số của cơ quan/u);
    expect(reason).toMatch(/Đề nghị kiểm tra và gửi lại\.$/u);
    const returned = store.transitionIncoming('doc-leader', 'tra-lai', reason ?? '');
    expect(returned.soDen).toBeNull();
    const status = store.context.outbox
      .list({})
      .find((j) => j.kind === 'incoming.status' && (j.payload as { documentId: string }).documentId === 'doc-leader');
    expect((status?.payload as { reason: string }).reason).toBe(reason);

    const printed = loadPrintableRegister(store.context.db, {
      ...store.context.registers.list(store.context.maDinhDanh).find((r) => r.id === registerId)!,
    });
    expect(printed.rows).toHaveLength(1);
    expect(printed.rows[0]?.[1]).toBe('01');
    expect(JSON.stringify(printed.rows)).not.toContain('doc-leader');
    const audit = store.context.db
      .prepare(`SELECT action, details FROM audit_log WHERE entity_id = 'doc-both' ORDER BY seq`)
      .all() as { action: string; details: string }[];
    if (checked.arrivalCheck?.verdict === 'indeterminate') {
      expect(audit.find((a) => a.action === 'incoming.accept-anyway')?.details).toContain('Đã gọi điện xác nhận');
    }
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining([
        'incoming.receive',
        'incoming.arrival-check',
        'incoming.register',
        'incoming.transition',
      ]),
    );
    expect(store.verifyAudit().ok).toBe(true);
  });

  it('a returned document that held a number prints it as unused, never reused', async () => {
    const { store } = openTestStore({ now: testNow() });
    const registerId = openLease(store, vietnamYear(testNow()));
    const first = store.addIncoming(incoming({ source: 'giay' })).document;
    store.transitionIncoming(first.id, 'tra-lai', 'Gửi nhầm nơi nhận');
    const next = store.addIncoming(incoming({ so: '16' })).document;
    expect(next.soDen).toBe(2);
    const register = store.context.registers.list(store.context.maDinhDanh).find((r) => r.id === registerId)!;
    const printed = loadPrintableRegister(store.context.db, register);
    expect(printed.rows.map((r) => [r[1], r[5]])).toEqual([
      ['01', 'Số đến không sử dụng'],
      ['02', expect.stringContaining('Quyết định')],
    ]);
    expect(printed.rows[0]?.[9]).toBe('Văn bản đã trả lại nơi gửi');
  });

  it('a recalled document’s file leaves the workstation after the văn thư confirms; the record stays', async () => {
    const { store } = openTestStore({ now: testNow() });
    openLease(store, vietnamYear(testNow()));
    const path = join(dir, 'recall.pdf');
    copyFileSync(active.plain, path);
    arrive(store, path, 'doc-recall');
    const sha = store.getIncoming('doc-recall').fileSha256!;
    store.transitionIncoming('doc-recall', 'thu-hoi', 'Nơi gửi thu hồi');
    const call = inProcess(store);
    const after = await call('incoming.removeRecalledFile', 'doc-recall');
    expect(after.fileRemoved).toBe(true);
    expect(after.fileSha256).toBe(sha);
    expect(existsSync(join(store.context.filesDir, sha.slice(0, 2), sha))).toBe(false);
    const actions = (
      store.context.db.prepare(`SELECT action FROM audit_log WHERE entity_id = 'doc-recall'`).all() as {
        action: string;
      }[]
    ).map((a) => a.action);
    expect(actions).toContain('incoming.recalled-file-removed');
  });
});
