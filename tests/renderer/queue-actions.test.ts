import { describe, expect, it } from 'vitest';
import { queueActions } from '../../renderer/features/office/queue-actions.ts';

describe('queueActions', () => {
  it('offers a leader the phân công on a presented document, and a chuyên viên nothing there', () => {
    expect(queueActions('da-trinh', ['lanh-dao'], true)).toEqual(['assign']);
    expect(queueActions('da-trinh', ['chuyen-vien'], true)).toEqual([]);
  });

  it('offers the person assigned tiến độ and hoàn thành, and the leader no second phân công', () => {
    expect(queueActions('phan-cong', ['chuyen-vien'], true)).toEqual(['progress', 'complete']);
    expect(queueActions('phan-cong', ['lanh-dao'], true)).toEqual([]);
  });

  it('offers ký and trả lại on a draft presented for signature to a leader; a trưởng phòng forwards or returns', () => {
    expect(queueActions('trinh-ky', ['lanh-dao'], true)).toEqual(['sign', 'return-draft']);
    expect(queueActions('xem-xet', ['truong-phong'], true)).toEqual(['submit-for-signature', 'return-draft']);
  });

  it('offers the văn thư the issuing chain one step at a time', () => {
    expect(queueActions('da-ky', ['van-thu'], true)).toEqual(['issue-number']);
    expect(queueActions('da-cap-so', ['van-thu'], true)).toEqual(['seal']);
    expect(queueActions('da-dong-dau', ['van-thu'], true)).toEqual(['publish']);
    expect(queueActions('da-ky', ['lanh-dao'], true)).toEqual([]);
  });

  it('offers nothing on an older item of a case, or on a finished case', () => {
    expect(queueActions('da-trinh', ['lanh-dao'], false)).toEqual([]);
    expect(queueActions('hoan-thanh', ['chuyen-vien', 'lanh-dao'], true)).toEqual([]);
  });
});
