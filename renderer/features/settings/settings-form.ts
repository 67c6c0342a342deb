import type { Settings, SettingsPatch } from '../../../preload/contract/index.ts';
import type { FieldErrors } from '../../app/forms/field-errors.ts';
import { vi } from '../../i18n/vi.ts';
import { viLock } from '../../i18n/vi-lock.ts';

export type { FieldErrors };

/**
 * What the settings form edits: text as typed, lists one entry per line. Image and trust-root
 * files are not typed: they are chosen (SettingsFileChoice) and saved by main at once.
 */
export interface SettingsForm {
  serverUrl: string;
  username: string;
  autoSync: 'on' | 'off';
  modulePaths: string;
  sealDiameterMm: string;
  orgName: string;
  maDinhDanh: string;
  houseStyle: 'seal-only' | 'seal-with-text';
  /** Minutes without use before the window locks itself; 0 = never. */
  idleMinutes: string;
}

export type SettingsField = keyof SettingsForm;

const lines = (text: string): string[] =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

export function formFromSettings(s: Settings): SettingsForm {
  return {
    serverUrl: s.server.url,
    username: s.server.username,
    autoSync: s.server.autoSync ? 'on' : 'off',
    modulePaths: s.tokens.modulePaths.join('\n'),
    sealDiameterMm: String(s.images.sealDiameterMm),
    orgName: s.organization.name,
    maDinhDanh: s.organization.maDinhDanh,
    houseStyle: s.organization.houseStyle,
    idleMinutes: String(s.lock.idleMinutes),
  };
}

export function patchFromForm(f: SettingsForm): SettingsPatch {
  return {
    server: { url: f.serverUrl.trim(), username: f.username.trim(), autoSync: f.autoSync === 'on' },
    tokens: { modulePaths: lines(f.modulePaths) },
    images: { sealDiameterMm: Number(f.sealDiameterMm) },
    organization: { name: f.orgName.trim(), maDinhDanh: f.maDinhDanh.trim(), houseStyle: f.houseStyle },
    // A draft from before this field existed keeps the setting as it is.
    ...(f.idleMinutes === undefined ? {} : { lock: { idleMinutes: Number(f.idleMinutes) } }),
  };
}

/** HTTPS is required; plain HTTP only to this machine (the reference server in development). */
function serverUrlError(url: string): string | undefined {
  if (url === '') {
    return undefined;
  }
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return vi.settings.errors.urlInvalid;
  }
  const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(parsed.hostname);
  if (parsed.protocol === 'https:' || (parsed.protocol === 'http:' && loopback)) {
    return undefined;
  }
  return vi.settings.errors.urlInsecure;
}

/** As the contract allows (settings.lock.idleMinutes). */
const IDLE_MAX_MINUTES = 240;

/** Real seals are 30–45 mm across; the contract allows up to 80, below 10 mm is surely a typo. */
const SEAL_MIN_MM = 10;
const SEAL_MAX_MM = 80;

export function validateSettings(f: SettingsForm): FieldErrors<SettingsField> {
  const errors: FieldErrors<SettingsField> = {};
  const url = serverUrlError(f.serverUrl.trim());
  if (url !== undefined) {
    errors.serverUrl = url;
  }
  const mm = Number(f.sealDiameterMm);
  if (f.sealDiameterMm.trim() === '' || !Number.isFinite(mm) || mm < SEAL_MIN_MM || mm > SEAL_MAX_MM) {
    errors.sealDiameterMm = vi.settings.errors.sealDiameter(SEAL_MIN_MM, SEAL_MAX_MM);
  }
  // Undefined only in a draft kept before this field existed.
  const idle = (f.idleMinutes as string | undefined)?.trim();
  if (idle !== undefined && (!/^\d{1,3}$/.test(idle) || Number(idle) > IDLE_MAX_MINUTES)) {
    errors.idleMinutes = viLock.idleMinutesError;
  }
  // The two forms in use (main/domain/ma-dinh-danh.ts): QCVN 102:2016 and QĐ 20/2020.
  const code = f.maDinhDanh.trim();
  const qcvn102 = /^\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}$/;
  const qd20 = /^(?=.{1,35}$)[A-Z0-9]+(?:\.[A-Z0-9]+)*$/;
  if (code !== '' && !qcvn102.test(code) && !qd20.test(code)) {
    errors.maDinhDanh = vi.settings.errors.maDinhDanh;
  }
  // The PKCS#11 module path stays an expert option beside the driver catalog (issue #15).
  if (lines(f.modulePaths).some((p) => !p.startsWith('/') && !/^[A-Za-z]:[\\/]/.test(p) && !p.startsWith('\\\\'))) {
    errors.modulePaths = vi.settings.errors.absolutePath;
  }
  return errors;
}

/** Map the host's zod issue paths (e.g. images.sealDiameterMm) back onto form fields. */
export const fieldOfIssuePath: Readonly<Record<string, SettingsField>> = {
  'server.url': 'serverUrl',
  'server.username': 'username',
  'tokens.modulePaths': 'modulePaths',
  'images.sealDiameterMm': 'sealDiameterMm',
  'organization.name': 'orgName',
  'organization.maDinhDanh': 'maDinhDanh',
  'organization.houseStyle': 'houseStyle',
  'lock.idleMinutes': 'idleMinutes',
};
