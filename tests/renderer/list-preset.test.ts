import { describe, expect, it } from 'vitest';
import { outgoingPreset, parsePreset, presetPath, presetRequest } from '../../renderer/app/due/list-preset.ts';

describe('a list opened from a queue on Tổng quan (renderer/app/due/list-preset.ts)', () => {
  it('reads back the address a queue wrote, by states or quá hạn', () => {
    const byStates = { states: ['da-den', 'da-tiep-nhan'], overdue: false };
    expect(parsePreset(presetPath(byStates))).toEqual({ key: 'da-den,da-tiep-nhan', ...byStates });
    expect(parsePreset(presetPath({ states: [], overdue: true }))).toEqual({
      key: 'qua-han',
      states: [],
      overdue: true,
    });
  });

  it('is no preset for any other address', () => {
    expect(parsePreset([])).toBeUndefined();
    expect(parsePreset(['loc'])).toBeUndefined();
    expect(parsePreset(['chi-tiet', 'abc'])).toBeUndefined();
  });

  it('asks the store for those states, or for what is overdue', () => {
    expect(presetRequest(undefined)).toEqual({});
    expect(presetRequest(parsePreset(['loc', 'da-den']))).toEqual({ states: ['da-den'] });
    expect(presetRequest(parsePreset(['loc', 'qua-han']))).toEqual({ overdue: true });
  });

  it('keeps for the văn bản đi list only the states an outgoing document can be in', () => {
    const preset = parsePreset(['loc', 'da-den,trinh-ky,da-ky']);
    expect(preset && outgoingPreset(preset)).toEqual({ states: ['trinh-ky', 'da-ky'] });
  });
});
