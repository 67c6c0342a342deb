import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openConfSettings } from '../../../main/services/settings/conf-settings.ts';

describe('settings (conf backing)', () => {
  it('starts from defaults and persists partial updates to the profile', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vanthu-settings-'));
    const settings = openConfSettings(dir);
    expect(settings.get().organization.houseStyle).toBe('seal-only');
    settings.update({ server: { url: 'https://qlvb.tinhx.gov.vn' }, images: { sealDiameterMm: 40 } });
    const reopened = openConfSettings(dir).get();
    expect(reopened.server).toEqual({
      url: 'https://qlvb.tinhx.gov.vn',
      username: '',
      workstationId: '',
      autoSync: true,
    });
    expect(reopened.images.sealDiameterMm).toBe(40);
    expect(JSON.parse(readFileSync(join(dir, 'settings.json'), 'utf8'))).toMatchObject({
      server: { url: 'https://qlvb.tinhx.gov.vn' },
    });
  });

  it('rejects an invalid value and keeps the stored one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vanthu-settings-'));
    const settings = openConfSettings(dir);
    expect(() => settings.update({ images: { sealDiameterMm: -1 } })).toThrow();
    expect(settings.get().images.sealDiameterMm).toBe(36);
  });

  it('falls back to defaults when the file was damaged by hand', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vanthu-settings-'));
    writeFileSync(join(dir, 'settings.json'), JSON.stringify({ images: { sealDiameterMm: 'big' } }));
    expect(openConfSettings(dir).get().images.sealDiameterMm).toBe(36);
  });
});
