import { describe, expect, it } from 'vitest';
import { personCan, profileRoleOf, stateAfter, STEP_KINDS, STEP_ROLES } from '../../../main/domain/office-steps.ts';

describe('office steps: who may take each one', () => {
  it('follows the regulations: văn thư presents and issues, lãnh đạo directs and signs, chuyên viên drafts and reports', () => {
    expect(personCan(['van-thu'], 'submit')).toBe(true);
    expect(personCan(['van-thu'], 'sign')).toBe(false);
    expect(personCan(['lanh-dao'], 'assign')).toBe(true);
    expect(personCan(['lanh-dao'], 'issue-number')).toBe(false);
    expect(personCan(['chuyen-vien'], 'complete')).toBe(true);
    expect(personCan(['chuyen-vien'], 'return-draft')).toBe(false);
    expect(personCan(['truong-phong'], 'return-draft')).toBe(true);
    // One person may hold two roles.
    expect(personCan(['lanh-dao', 'chuyen-vien'], 'draft')).toBe(true);
    expect(personCan([], 'submit')).toBe(false);
  });

  it('gives every step at least one role and a state after it', () => {
    for (const step of STEP_KINDS) {
      expect(STEP_ROLES[step].length, step).toBeGreaterThan(0);
      expect(stateAfter(step), step).not.toBe('');
    }
    expect(stateAfter('submit-for-signature', true)).toBe('xem-xet');
    expect(stateAfter('submit-for-signature', false)).toBe('trinh-ky');
  });

  it('maps a person to the profile role the issuing chain checks', () => {
    expect(profileRoleOf(['lanh-dao', 'chuyen-vien'])).toBe('lanh-dao');
    expect(profileRoleOf(['van-thu'])).toBe('van-thu');
    expect(profileRoleOf(['truong-phong'])).toBe('chuyen-vien');
  });
});
