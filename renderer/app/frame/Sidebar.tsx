import { vi } from '../../i18n/vi.ts';
import { SECTIONS, hrefOf, type SectionId } from './routes.ts';

/** The left navigation; each entry names its Alt shortcut for sighted keyboard users and screen readers. */
export function Sidebar({ current }: { current: SectionId }) {
  return (
    <nav aria-label={vi.nav.label} className="sidebar">
      <p className="brand">{vi.app.name}</p>
      <p className="tagline">{vi.app.tagline}</p>
      <ul>
        {SECTIONS.map((s) => (
          <li key={s.id}>
            <a
              href={hrefOf(s.id)}
              aria-current={s.id === current ? 'page' : undefined}
              aria-keyshortcuts={`Alt+${s.key}`}
            >
              <span>{s.label}</span>
              <kbd aria-hidden="true">{`Alt ${s.key}`}</kbd>
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
