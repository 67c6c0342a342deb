/**
 * Unsaved form input, kept per window in sessionStorage so a user who navigates away or closes
 * a dialog by mistake finds her input again. Never used for secrets (PINs never come here).
 */
const PREFIX = 'vanthu.draft.';

export function readDraft<T>(key: string): T | null {
  const raw = window.sessionStorage.getItem(PREFIX + key);
  if (raw === null) {
    return null;
  }
  try {
    return JSON.parse(raw) as T;
  } catch {
    return null;
  }
}

export function writeDraft<T>(key: string, value: T): void {
  window.sessionStorage.setItem(PREFIX + key, JSON.stringify(value));
}

export function clearDraft(key: string): void {
  window.sessionStorage.removeItem(PREFIX + key);
}
