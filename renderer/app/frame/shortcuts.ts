import { useEffect, useLayoutEffect, useRef } from 'react';
import { vi } from '../../i18n/vi.ts';

export interface Shortcut {
  /** As `KeyboardEvent.key`, lower-case for letters. */
  readonly key: string;
  readonly alt?: boolean;
  readonly ctrl?: boolean;
  /** What the help screen shows for the combination. */
  readonly keys: string;
  readonly description: string;
}

/** Every shortcut of the app in one list: the bindings and the on-screen help cannot drift apart. */
export const SHORTCUTS = {
  help: { key: '?', keys: '?', description: vi.shortcuts.help },
  search: { key: '/', keys: '/', description: vi.shortcuts.search },
  sections: { key: '', keys: 'Alt + 0…7', description: vi.shortcuts.sections },
  create: { key: 'n', alt: true, keys: 'Alt + N', description: vi.shortcuts.create },
  reload: { key: 'r', alt: true, keys: 'Alt + R', description: vi.shortcuts.reload },
  save: { key: 's', ctrl: true, keys: 'Ctrl + S', description: vi.shortcuts.save },
  sign: { key: 'Enter', ctrl: true, keys: 'Ctrl + Enter', description: vi.shortcuts.sign },
  close: { key: 'Escape', keys: 'Esc', description: vi.shortcuts.close },
} as const satisfies Record<string, Shortcut>;

function isTyping(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))
  );
}

export function matches(event: KeyboardEvent, shortcut: Shortcut): boolean {
  const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
  return (
    key === shortcut.key &&
    event.altKey === (shortcut.alt ?? false) &&
    (event.ctrlKey || event.metaKey) === (shortcut.ctrl ?? false)
  );
}

/**
 * Bind one shortcut while the component is mounted. Plain keys (`?`, `/`) are ignored while the
 * user types in a field; combinations with Ctrl or Alt work everywhere.
 */
export function useShortcut(shortcut: Shortcut, handler: () => void, enabled = true): void {
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  });
  // Bound before the browser paints the section: a person who presses Alt+N as soon as the
  // section shows (or a test that does) must not reach a screen whose keys are not yet listened to.
  useLayoutEffect(() => {
    if (!enabled) {
      return undefined;
    }
    const onKey = (event: KeyboardEvent): void => {
      const plain = !(shortcut.alt ?? false) && !(shortcut.ctrl ?? false);
      if (plain && isTyping(event.target)) {
        return;
      }
      if (matches(event, shortcut)) {
        event.preventDefault();
        latest.current();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [shortcut, enabled]);
}
