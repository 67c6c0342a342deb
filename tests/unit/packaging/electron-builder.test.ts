import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const config = parse(readFileSync('electron-builder.yml', 'utf8')) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- free-form YAML

describe('electron-builder.yml', () => {
  it('builds a per-user x64 NSIS installer', () => {
    expect(config['win'].target).toEqual([{ target: 'nsis', arch: ['x64'] }]);
    expect(config['nsis']).toMatchObject({ oneClick: false, perMachine: false, allowElevation: false });
  });

  it('unpacks native modules from the asar archive', () => {
    expect(config['asar']).toBe(true);
    expect(config['asarUnpack']).toContain('**/*.node');
  });

  it('states every Electron fuse explicitly, with the dangerous ones off', () => {
    const fuses = config['electronFuses'] as Record<string, boolean>;
    expect(Object.keys(fuses).sort()).toEqual(
      [
        'enableCookieEncryption',
        'enableEmbeddedAsarIntegrityValidation',
        'enableNodeCliInspectArguments',
        'enableNodeOptionsEnvironmentVariable',
        'grantFileProtocolExtraPrivileges',
        'loadBrowserProcessSpecificV8Snapshot',
        'onlyLoadAppFromAsar',
        'runAsNode',
      ].sort(),
    );
    expect(fuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
    });
  });

  it('ships the built bundles the Electron entry loads', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { main: string };
    expect(pkg.main).toBe('dist/electron/main.cjs');
    expect(config['files']).toEqual(expect.arrayContaining(['dist/electron/**', 'dist/renderer/**']));
  });

  it('ships the Vietnamese OCR model where the OCR worker looks for it, outside the asar archive (#21)', () => {
    expect(config['extraResources']).toEqual([
      { from: 'node_modules/@tesseract.js-data/vie/4.0.0_best_int/vie.traineddata.gz', to: 'ocr/vie.traineddata.gz' },
    ]);
    expect(existsSync('node_modules/@tesseract.js-data/vie/4.0.0_best_int/vie.traineddata.gz')).toBe(true);
  });
});
