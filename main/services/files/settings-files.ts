import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Settings } from '../../../preload/contract/index.ts';
import { writeFileAtomicSync } from '../disk/atomic-write.ts';
import type { SettingsStore } from '../settings/settings-store.ts';
import { readAttachment } from '../store/attachments.ts';
import type { FileIntake } from './file-intake.ts';

export type SettingsFileUse = 'signaturePng' | 'sealPng' | 'trustRoot';

/**
 * A chosen file put to use by settings: copied into the profile (the settings keep pointing at
 * the copy even if the person's original moves) and the setting updated. Images are checked
 * again at every signature (signing/images.ts); trust roots when they are loaded.
 */
export function useFileForSettings(
  deps: { intake: FileIntake; filesDir: string; profileRoot: string; settings: SettingsStore },
  use: SettingsFileUse,
  handle: string,
): Settings {
  const file = deps.intake.get(handle, use === 'trustRoot' ? 'chung-thu' : 'anh');
  const bytes = readAttachment(deps.filesDir, file.sha256);
  const dir = join(deps.profileRoot, 'tep-cai-dat');
  mkdirSync(dir, { recursive: true });
  const ext = use === 'trustRoot' ? (/\.(pem|crt|cer|der)$/i.exec(file.name)?.[1]?.toLowerCase() ?? 'pem') : 'png';
  const target = join(dir, `${use}-${file.sha256.slice(0, 16)}.${ext}`);
  writeFileAtomicSync(target, bytes);
  deps.intake.release(handle);
  if (use === 'trustRoot') {
    const current = deps.settings.get().verify.trustPaths.filter((p) => p !== target);
    return deps.settings.update({ verify: { trustPaths: [...current, target] } });
  }
  return deps.settings.update({ images: { [use]: target } });
}
