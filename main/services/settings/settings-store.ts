import { SettingsSchema, type Settings, type SettingsPatch } from '../../../preload/contract/settings.ts';

/** Settings port: electron-store in Electron, its `conf` core in Node and the CLI. */
export interface SettingsStore {
  get(): Settings;
  update(patch: SettingsPatch): Settings;
}

/** The part of conf / electron-store we use: the whole store as one object. */
export interface KeyValueBacking {
  store: Record<string, unknown>;
}

/**
 * Settings kept in a conf-compatible backing. Reads are parsed with the contract's schema, so
 * a hand-edited or older file falls back to defaults field by field instead of crashing.
 */
export function createSettingsStore(backing: KeyValueBacking): SettingsStore {
  const read = (): Settings => {
    const parsed = SettingsSchema.safeParse(backing.store);
    return parsed.success ? parsed.data : SettingsSchema.parse({});
  };
  return {
    get: read,
    update(patch) {
      const current = read();
      const next: Record<string, unknown> = { ...current };
      for (const [section, values] of Object.entries(patch)) {
        const base = (current as Record<string, Record<string, unknown>>)[section] ?? {};
        next[section] = { ...base, ...values };
      }
      const validated = SettingsSchema.parse(next);
      backing.store = validated as unknown as Record<string, unknown>;
      return validated;
    },
  };
}
