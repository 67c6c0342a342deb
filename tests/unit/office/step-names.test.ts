import { describe, expect, it } from 'vitest';
import { knowsCurrentStepNames, withStepNamesFor } from '../../../server/office/step-names.ts';

const item = (kind: string) => ({
  seq: 7,
  step: { id: 's1', kind, body: { kind, soKyHieu: '15/SNV-TCBC' } },
});

describe('a workstation before API 1.7.0 reads cấp số under its old name (server/office/step-names.ts)', () => {
  it('knows who speaks 1.7.0: the version a workstation sends, compared part by part', () => {
    expect(knowsCurrentStepNames(undefined)).toBe(false);
    expect(knowsCurrentStepNames('')).toBe(false);
    expect(knowsCurrentStepNames('1.6.9')).toBe(false);
    expect(knowsCurrentStepNames('1.7.0')).toBe(true);
    expect(knowsCurrentStepNames('1.10.0')).toBe(true);
    expect(knowsCurrentStepNames('2.0.0')).toBe(true);
    expect(knowsCurrentStepNames('0.9.9')).toBe(false);
    expect(knowsCurrentStepNames('bảy')).toBe(false);
  });

  it('gives an old workstation `number` in the step and its body, and leaves every other step and every new workstation alone', () => {
    expect(withStepNamesFor(item('issue-number'), false).step).toEqual({
      id: 's1',
      kind: 'number',
      body: { kind: 'number', soKyHieu: '15/SNV-TCBC' },
    });
    expect(withStepNamesFor(item('issue-number'), true)).toEqual(item('issue-number'));
    expect(withStepNamesFor(item('seal'), false)).toEqual(item('seal'));
  });
});
