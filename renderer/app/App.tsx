import { useEffect, useRef, useState, type ReactNode } from 'react';
import { HomeScreen } from '../features/home/HomeScreen.tsx';
import { IncomingScreen } from '../features/incoming/IncomingScreen.tsx';
import { QueueScreen } from '../features/office/QueueScreen.tsx';
import { OutgoingScreen } from '../features/outgoing/OutgoingScreen.tsx';
import { RegistersScreen } from '../features/registers/RegistersScreen.tsx';
import { SettingsScreen } from '../features/settings/SettingsScreen.tsx';
import { SigningScreen } from '../features/signing/SigningScreen.tsx';
import { SyncScreen } from '../features/sync/SyncScreen.tsx';
import { vi } from '../i18n/vi.ts';
import { ErrorArea, ErrorCenterProvider } from './feedback/error-center.tsx';
import { ConnectionIndicator } from './frame/ConnectionIndicator.tsx';
import { HelpDialog } from './frame/HelpDialog.tsx';
import { SECTIONS, type Route, type SectionId } from './frame/routes.ts';
import { SHORTCUTS, useShortcut } from './frame/shortcuts.ts';
import { Sidebar } from './frame/Sidebar.tsx';
import { navigate, useRoute } from './frame/use-route.ts';

const screens: Record<SectionId, (props: { route: Route }) => ReactNode> = {
  home: HomeScreen,
  incoming: IncomingScreen,
  outgoing: OutgoingScreen,
  signing: SigningScreen,
  registers: RegistersScreen,
  sync: SyncScreen,
  settings: SettingsScreen,
  queue: QueueScreen,
};

/** Alt + digit opens a section from anywhere, even while typing (the Alt makes it unambiguous). */
function useSectionKeys(): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (!event.altKey || event.ctrlKey || event.metaKey) {
        return;
      }
      const digit = /^Digit(\d)$/.exec(event.code)?.[1];
      const section = SECTIONS.find((s) => s.key === digit);
      if (section !== undefined) {
        event.preventDefault();
        navigate(section.id);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

/** The frame of the workstation: navigation, connection state, errors, help; the section on the right. */
export function App() {
  const route = useRoute();
  const [helpOpen, setHelpOpen] = useState(false);
  const main = useRef<HTMLElement>(null);
  useSectionKeys();
  useShortcut(SHORTCUTS.help, () => setHelpOpen(true));
  // Moving focus to the new section lets screen-reader and keyboard users start where the content is.
  useEffect(() => main.current?.focus({ preventScroll: true }), [route.section]);
  const Screen = screens[route.section];
  return (
    <ErrorCenterProvider>
      {/* A button, not a #fragment link: the fragment is the router's. */}
      <button type="button" className="skip-link" onClick={() => main.current?.focus()}>
        {vi.app.skipToContent}
      </button>
      <div className="layout">
        <Sidebar current={route.section} />
        <div className="workspace">
          <header className="topbar">
            <ConnectionIndicator />
            <button
              type="button"
              className="secondary"
              onClick={() => setHelpOpen(true)}
              aria-keyshortcuts="?"
              data-testid="help-button"
            >
              {vi.shortcuts.open}
            </button>
          </header>
          <main className="content" ref={main} tabIndex={-1}>
            <ErrorArea />
            <Screen route={route} />
          </main>
        </div>
      </div>
      <HelpDialog open={helpOpen} onClose={() => setHelpOpen(false)} />
    </ErrorCenterProvider>
  );
}
