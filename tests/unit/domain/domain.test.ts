import { describe, expect, it } from 'vitest';
import { backupReminderDue } from '../../../main/domain/backup-reminder.ts';
import { incomingTransition, outgoingTransition } from '../../../preload/contract/workflow.ts';
import { exportFileName, isValidExportFileName } from '../../../main/domain/file-name.ts';
import { foldVietnamese } from '../../../main/domain/fold.ts';
import {
  isValidMaDinhDanh,
  maDinhDanhForm,
  maDinhDanhVanBan,
  parseMaDinhDanhVanBan,
} from '../../../main/domain/ma-dinh-danh.ts';
import { chooseNumber } from '../../../main/domain/numbering.ts';
import { formatProvisional, formatSoKyHieu, parseSoKyHieu } from '../../../main/domain/so-ky-hieu.ts';
import { vietnamDate, vietnamYear } from '../../../main/domain/vietnam-time.ts';

describe('Vietnamese folding', () => {
  it('removes diacritics and maps đ to d', () => {
    expect(foldVietnamese('Quyết định số 15/QĐ-UBND')).toBe('quyet dinh so 15/qd-ubnd');
    expect(foldVietnamese('ĐẢNG ỦY Sở Tư pháp')).toBe('dang uy so tu phap');
  });
});

describe('file names for upload', () => {
  it('transliterates to ASCII letters and digits, readable, at most 50 characters', () => {
    expect(exportFileName('Quyết định số 15/QĐ-UBND', 'pdf')).toBe('QuyetDinhSo15QDUBND.pdf');
    expect(exportFileName('Công văn về việc đôn đốc', 'PDF')).toBe('CongVanVeViecDonDoc.pdf');
    const long = exportFileName('Kế hoạch triển khai chuyển đổi số trong các cơ quan hành chính nhà nước tỉnh');
    expect(long.split('.')[0]).toHaveLength(50);
    for (const name of [long, exportFileName('!!!'), exportFileName('Tờ trình đề nghị', 'docx')]) {
      expect(isValidExportFileName(name)).toBe(true);
    }
  });

  it('never produces a name Windows reserves for a device (CON, NUL, COM1 …), with any extension', () => {
    expect(exportFileName('Côn', 'pdf')).toBe('ConVanBan.pdf');
    expect(exportFileName('nul', 'docx')).toBe('NulVanBan.docx');
    expect(exportFileName('COM1')).toBe('COM1VanBan.pdf');
    expect(isValidExportFileName('aux.pdf')).toBe(false);
    expect(isValidExportFileName('Console.pdf')).toBe(true);
  });
});

describe('mã định danh', () => {
  it('accepts the QCVN 102 and QĐ 20/2020 forms and rejects others', () => {
    expect(maDinhDanhForm('000.00.00.H49')).toBe('qcvn102');
    expect(maDinhDanhForm('H55.12.03')).toBe('qd20');
    expect(maDinhDanhForm('G22')).toBe('qd20');
    expect(isValidMaDinhDanh('000.00.00.h49')).toBe(false);
    expect(isValidMaDinhDanh('H55..12')).toBe(false);
    expect(isValidMaDinhDanh(`H55.${'1'.repeat(40)}`)).toBe(false);
  });

  it('builds and parses mã định danh văn bản in the edXML form', () => {
    const id = maDinhDanhVanBan('000.00.00.G22', '2015-09-30', '7816/VPCP-TTĐT');
    expect(id).toBe('000.00.00.G22,2015/09/30,7816/VPCP-TTĐT');
    expect(parseMaDinhDanhVanBan(id)).toEqual({
      maDinhDanh: '000.00.00.G22',
      ngayBanHanh: '2015-09-30',
      soKyHieu: '7816/VPCP-TTĐT',
    });
    expect(parseMaDinhDanhVanBan('nonsense')).toBeNull();
  });
});

describe('số, ký hiệu', () => {
  it('writes numbers below 10 with a leading zero and marks provisional numbers', () => {
    expect(formatSoKyHieu(5, 'QĐ-UBND')).toBe('05/QĐ-UBND');
    expect(formatSoKyHieu(15, 'QĐ-UBND')).toBe('15/QĐ-UBND');
    expect(formatProvisional(3)).toBe('T-03');
    expect(parseSoKyHieu('15/QĐ-UBND')).toEqual({ so: '15', kyHieu: 'QĐ-UBND' });
  });
});

describe('Vietnam calendar', () => {
  it('puts 00:30 on 1 January in Hà Nội in the new year although UTC is still 31 December', () => {
    const instant = new Date('2026-12-31T17:30:00Z');
    expect(vietnamDate(instant)).toBe('2027-01-01');
    expect(vietnamYear(instant)).toBe(2027);
    expect(vietnamYear(new Date('2026-12-31T16:59:59Z'))).toBe(2026);
  });
});

describe('document states', () => {
  it('follows the incoming and outgoing workflows', () => {
    expect(incomingTransition('da-den', 'da-tiep-nhan')?.action).toBe('incoming.receive');
    expect(incomingTransition('da-den', 'hoan-thanh')).toBeUndefined();
    expect(incomingTransition('tra-lai', 'da-tiep-nhan')).toBeUndefined();
    expect(outgoingTransition('da-ky', 'outgoing.issueNumber')?.to).toBe('da-cap-so');
    expect(outgoingTransition('du-thao', 'outgoing.publish')).toBeUndefined();
  });
});

describe('numbering', () => {
  it('takes from the lowest usable lease, then provisional only when allowed', () => {
    const leases = [
      { id: 'b', firstNumber: 11, lastNumber: 20, nextNumber: 11 },
      { id: 'a', firstNumber: 1, lastNumber: 10, nextNumber: 11 },
    ];
    expect(chooseNumber(leases, { allowProvisional: false, lastProvisional: 0 })).toEqual({
      kind: 'final',
      leaseId: 'b',
      number: 11,
    });
    const spent = [{ id: 'a', firstNumber: 1, lastNumber: 10, nextNumber: 11 }];
    expect(chooseNumber(spent, { allowProvisional: true, lastProvisional: 2 })).toEqual({
      kind: 'provisional',
      number: 3,
    });
    expect(chooseNumber(spent, { allowProvisional: false, lastProvisional: 2 })).toEqual({ kind: 'unavailable' });
  });
});

describe('backup reminder', () => {
  it('is due when there was never a backup or the last one is a day old', () => {
    const now = new Date('2026-03-10T08:00:00Z');
    expect(backupReminderDue(null, now)).toBe(true);
    expect(backupReminderDue('2026-03-10T01:00:00Z', now)).toBe(false);
    expect(backupReminderDue('2026-03-09T07:59:00Z', now)).toBe(true);
  });
});
