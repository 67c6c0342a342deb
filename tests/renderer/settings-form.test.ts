import { describe, expect, it } from 'vitest';
import { SettingsPatchSchema, SettingsSchema } from '../../preload/contract/settings.ts';
import {
  fieldOfIssuePath,
  formFromSettings,
  patchFromForm,
  validateSettings,
  type SettingsForm,
} from '../../renderer/features/settings/settings-form.ts';
import { viLock } from '../../renderer/i18n/vi-lock.ts';
import { vi } from '../../renderer/i18n/vi.ts';

const SAVED = SettingsSchema.parse({
  server: { url: 'https://vanban.bacninh.gov.vn', username: 'vanthu01' },
  tokens: { modulePaths: ['/usr/lib/softhsm/libsofthsm2.so'] },
  organization: { name: 'UBND xã Tân Lập', maDinhDanh: '000.00.12.H09' },
});
const form = (patch: Partial<SettingsForm> = {}): SettingsForm => ({ ...formFromSettings(SAVED), ...patch });

describe('the settings form (renderer/features/settings/settings-form.ts)', () => {
  it('gives back, unchanged, the settings it was filled from', () => {
    const patch = SettingsPatchSchema.parse(patchFromForm(form()));
    expect({ ...SAVED, ...patch }).toEqual(SAVED);
  });

  it('sends one module path per line, blank lines dropped', () => {
    const patch = patchFromForm(form({ modulePaths: ' /a/libx.so \n\n/b/liby.so' }));
    expect(patch.tokens?.modulePaths).toEqual(['/a/libx.so', '/b/liby.so']);
  });

  it('asks for HTTPS, and allows plain HTTP only to this machine', () => {
    expect(validateSettings(form({ serverUrl: 'http://vanban.example.vn' })).serverUrl).toBe(
      vi.settings.errors.urlInsecure,
    );
    expect(validateSettings(form({ serverUrl: 'không phải địa chỉ' })).serverUrl).toBe(vi.settings.errors.urlInvalid);
    expect(validateSettings(form({ serverUrl: 'http://127.0.0.1:8080' }))).toEqual({});
    expect(validateSettings(form({ serverUrl: '' }))).toEqual({});
  });

  it('keeps the seal between 10 and 80 mm, and the idle lock within 0–240 minutes', () => {
    const seal = vi.settings.errors.sealDiameter(10, 80);
    expect(validateSettings(form({ sealDiameterMm: '9' })).sealDiameterMm).toBe(seal);
    expect(validateSettings(form({ sealDiameterMm: '81' })).sealDiameterMm).toBe(seal);
    expect(validateSettings(form({ sealDiameterMm: '' })).sealDiameterMm).toBe(seal);
    expect(validateSettings(form({ sealDiameterMm: '36', idleMinutes: '0' }))).toEqual({});
    expect(validateSettings(form({ idleMinutes: '241' })).idleMinutes).toBe(viLock.idleMinutesError);
    expect(validateSettings(form({ idleMinutes: '5 phút' })).idleMinutes).toBe(viLock.idleMinutesError);
  });

  it('takes a mã định danh in either form in use (QCVN 102, QĐ 20/2020), and nothing else', () => {
    expect(validateSettings(form({ maDinhDanh: '000.00.12.H09' }))).toEqual({});
    expect(validateSettings(form({ maDinhDanh: 'H09.12.05' }))).toEqual({});
    expect(validateSettings(form({ maDinhDanh: 'h09 12' })).maDinhDanh).toBe(vi.settings.errors.maDinhDanh);
  });

  it('refuses a relative module path', () => {
    expect(validateSettings(form({ modulePaths: 'libsofthsm2.so' })).modulePaths).toBe(vi.settings.errors.absolutePath);
    expect(validateSettings(form({ modulePaths: 'C:\\Windows\\System32\\vnpt-ca.dll' }))).toEqual({});
  });

  it('puts an error the host found back on the field that made it', () => {
    const refused = SettingsPatchSchema.safeParse(patchFromForm(form({ sealDiameterMm: '90', idleMinutes: '999' })));
    expect(refused.success).toBe(false);
    const fields = (refused.error?.issues ?? []).map((issue) => fieldOfIssuePath[issue.path.join('.')]);
    expect(fields.sort()).toEqual(['idleMinutes', 'sealDiameterMm']);
  });
});
