import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  arrivalReturnReasonVi,
  verdictOf,
  type ArrivalCheck,
  type ArrivalFinding,
} from '../../../preload/contract/arrival-check.ts';
import type { IncomingDocument } from '../../../preload/contract/incoming.ts';
import { sameOrganization, signerKind } from '../../../main/domain/signer-kind.ts';
import { defenderScanner } from '../../../main/services/incoming/malware/defender.ts';
import { findMalwareScanner } from '../../../main/services/incoming/malware/find-scanner.ts';
import { receiveGate } from '../../../renderer/features/incoming/incoming-actions.ts';
import { verdictKey } from '../../../renderer/features/incoming/arrival-verdict.ts';

const finding = (
  severity: ArrivalFinding['severity'],
  code: ArrivalFinding['code'] = 'ACTIVE_CONTENT',
): ArrivalFinding => ({
  code,
  severity,
  message: `m-${code}`,
  where: [],
});

const check = (verdict: ArrivalCheck['verdict'], findings: ArrivalFinding[] = []): ArrivalCheck => ({
  verdict,
  // fixed-date: a stored value that is only carried, never compared with a clock
  checkedAt: '2026-03-10T02:00:00.000Z',
  signatures: [],
  findings,
  malware: { scanner: null, status: 'not-scanned', detail: '' },
});

const doc = (overrides: Partial<IncomingDocument>): IncomingDocument =>
  ({ source: 'truc', fileSha256: 'ab', state: 'da-den', arrivalCheck: null, ...overrides }) as IncomingDocument;

describe('signer kinds from the certificate profile', () => {
  it('reads a person’s identity number, an organization’s tax code, and says when it cannot tell', () => {
    expect(signerKind('C=VN, CN=Nguyễn Văn A, UID=CMND:012345678', 'Nguyễn Văn A', '').kind).toBe('personal');
    expect(signerKind('CN=Trần B, 0.9.2342.19200300.100.1.1=CCCD:0010', 'Trần B', '').kind).toBe('personal');
    expect(signerKind('O=UBND TỈNH X, CN=UBND TỈNH X, UID=MST:0101234567', 'UBND TỈNH X', 'UBND TỈNH X').kind).toBe(
      'organization',
    );
    expect(signerKind('O=Sở Y, CN=Sở Y', 'Sở Y', 'Sở Y').kind).toBe('organization');
    expect(signerKind('O=Sở Y, CN=Lê C', 'Lê C', 'Sở Y').kind).toBe('unknown');
  });

  it('compares organization names without caring about case or spacing', () => {
    expect(sameOrganization('ỦY BAN NHÂN DÂN  TỈNH X', 'Ủy ban nhân dân tỉnh X')).toBe(true);
    expect(sameOrganization('Sở Tư pháp', 'Sở Tài chính')).toBe(false);
  });
});

describe('the verdict and the prepared trả lại message', () => {
  it('takes the worst finding', () => {
    expect(verdictOf([])).toBe('valid');
    expect(verdictOf([finding('info')])).toBe('valid');
    expect(verdictOf([finding('info'), finding('indeterminate')])).toBe('indeterminate');
    expect(verdictOf([finding('indeterminate'), finding('invalid')])).toBe('invalid');
  });

  it('lists the findings (not the informative ones) and asks the sender to send again', () => {
    const text = arrivalReturnReasonVi(
      check('invalid', [finding('invalid', 'MALWARE_FOUND'), finding('info', 'MALWARE_NOT_SCANNED')]),
      null,
    );
    expect(text).toBe('m-MALWARE_FOUND Đề nghị kiểm tra và gửi lại.');
  });
});

describe('what tiếp nhận needs, as the renderer shows it', () => {
  it('waits for the check, asks a reason when not conclusive, refuses an invalid one, passes paper', () => {
    expect(receiveGate(doc({}))).toBe('pending');
    expect(verdictKey(doc({}))).toBe('pending');
    expect(receiveGate(doc({ arrivalCheck: check('valid') }))).toBe('open');
    expect(receiveGate(doc({ arrivalCheck: check('indeterminate') }))).toBe('anyway');
    expect(receiveGate(doc({ arrivalCheck: check('invalid') }))).toBe('refused');
    expect(receiveGate(doc({ source: 'giay', fileSha256: null }))).toBe('open');
    expect(verdictKey(doc({ source: 'giay', fileSha256: null }))).toBe('none');
  });
});

describe('the malware scan port', () => {
  it('Windows Defender: exit 2 with its threat line is “infected”, exit 0 “clean”', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vanthu-mp-'));
    const fake = join(dir, 'MpCmdRun');
    // A stand-in for MpCmdRun.exe at the port: it answers as Defender does for the EICAR file.
    writeFileSync(
      fake,
      '#!/bin/sh\n[ "$1 $2 $3 $4" = "-Scan -ScanType 3 -File" ] || exit 9\nif [ "$5" = "/bad" ]; then echo "Threat                  : Virus:DOS/EICAR_Test_File"; exit 2; fi\nexit 0\n',
    );
    chmodSync(fake, 0o755);
    const scanner = defenderScanner(fake);
    await expect(scanner.scan('/bad')).resolves.toEqual({
      scanner: 'Windows Defender',
      status: 'infected',
      detail: 'Virus:DOS/EICAR_Test_File',
    });
    await expect(scanner.scan('/good')).resolves.toMatchObject({ status: 'clean' });
  });

  it('finds no scanner on a machine without one and says so', async () => {
    const scanner = findMalwareScanner('linux', { PATH: mkdtempSync(join(tmpdir(), 'vanthu-empty-')) });
    await expect(scanner.scan('/x')).resolves.toMatchObject({ status: 'not-scanned', scanner: null });
  });
});

describe('the background check', () => {
  it('waits quietly when the store cannot be read yet (no organization configured), and tries again on the next wake', async () => {
    const { createArrivalChecker } = await import('../../../main/services/incoming/arrival-checker.ts');
    const { silentLogger } = await import('../../../main/services/log/logger.ts');
    let calls = 0;
    const checker = createArrivalChecker({
      store: (() => {
        calls += 1;
        return Promise.reject(new Error('Chưa cấu hình mã định danh cơ quan'));
      }) as never,
      inspect: () => Promise.reject(new Error('unused')),
      scanner: { name: 'none', scan: () => Promise.reject(new Error('unused')) },
      filesDir: tmpdir(),
      scratchDir: tmpdir(),
      log: silentLogger,
    });
    checker.wake();
    await expect(checker.idle()).resolves.toBeUndefined();
    checker.wake();
    await checker.idle();
    expect(calls).toBe(2);
  });

  it('stops at quit: the inspection under way is cancelled, nothing is recorded, later wakes do nothing', async () => {
    const { createArrivalChecker } = await import('../../../main/services/incoming/arrival-checker.ts');
    const { silentLogger } = await import('../../../main/services/log/logger.ts');
    const recorded: string[] = [];
    let pendingCalls = 0;
    let cancel: (error: Error) => void = () => undefined;
    let started: () => void = () => undefined;
    const inspecting = new Promise<void>((resolve) => {
      started = resolve;
    });
    const checker = createArrivalChecker({
      store: ((method: string, ...args: unknown[]) => {
        if (method === 'incoming.pendingChecks') {
          pendingCalls += 1;
          return Promise.resolve([{ id: 'a', fileSha256: 'ab'.repeat(32), coQuanBanHanh: '' }]);
        }
        recorded.push(String(args[0]));
        return Promise.resolve();
      }) as never,
      inspect: () =>
        new Promise((_resolve, reject) => {
          cancel = reject;
          started();
        }),
      cancel: () => {
        cancel(new Error('đã dừng khi đóng'));
        return Promise.resolve();
      },
      scanner: { name: 'none', scan: () => Promise.resolve({ scanner: null, status: 'not-scanned', detail: '' }) },
      filesDir: tmpdir(),
      scratchDir: tmpdir(),
      log: silentLogger,
    });
    checker.wake();
    await inspecting;
    await checker.stop();
    expect(recorded).toEqual([]);
    checker.wake();
    await checker.idle();
    expect(pendingCalls).toBe(1);
  });
});
