import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openConfSettings } from '../../../main/services/settings/conf-settings.ts';
import { openReadOnlySettings } from '../../../main/services/settings/read-only-settings.ts';

const profile = () => mkdtempSync(join(tmpdir(), 'vanthu-settings-ro-'));

describe('read-only settings (what vanthu verify reads without conf)', () => {
  it('reads what conf wrote, and the defaults where there is no file', () => {
    const dir = profile();
    expect(openReadOnlySettings(dir).get()).toEqual(openConfSettings(dir).get());
    openConfSettings(dir).update({
      verify: { trustPaths: ['/etc/vanthu/root-ca.pem'] },
      images: { sealDiameterMm: 40 },
    });
    expect(openReadOnlySettings(dir).get()).toEqual(openConfSettings(dir).get());
    expect(openReadOnlySettings(dir).get().verify.trustPaths).toEqual(['/etc/vanthu/root-ca.pem']);
  });

  it('reads a file saved with a byte order mark, and refuses one that is not JSON, as conf does', () => {
    const dir = profile();
    writeFileSync(join(dir, 'settings.json'), `\uFEFF${JSON.stringify({ verify: { trustPaths: ['/a.pem'] } })}`);
    expect(openReadOnlySettings(dir).get().verify.trustPaths).toEqual(['/a.pem']);
    expect(openReadOnlySettings(dir).get()).toEqual(openConfSettings(dir).get());
    writeFileSync(join(dir, 'settings.json'), 'không phải JSON');
    const error = (read: () => unknown): unknown => {
      try {
        read();
      } catch (caught) {
        return caught;
      }
      return undefined;
    };
    expect(error(() => openReadOnlySettings(dir).get())).toEqual(error(() => openConfSettings(dir).get()));
    expect(error(() => openReadOnlySettings(dir).get())).toBeInstanceOf(SyntaxError);
  });

  it('refuses to change the settings', () => {
    const dir = profile();
    expect(() => openReadOnlySettings(dir).update({ images: { sealDiameterMm: 40 } })).toThrow(/read-only/);
  });
});
