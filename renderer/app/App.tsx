import { HomeScreen } from '../features/home/HomeScreen.tsx';
import { vi } from '../i18n/vi.ts';

/** The shell of the workstation: navigation on the left, the current feature on the right. */
export function App() {
  return (
    <div className="layout">
      <nav aria-label={vi.app.name} className="sidebar">
        <p className="brand">{vi.app.name}</p>
        <p className="tagline">{vi.app.tagline}</p>
        <ul>
          <li aria-current="page">{vi.nav.home}</li>
        </ul>
      </nav>
      <main className="content">
        <HomeScreen />
      </main>
    </div>
  );
}
