import { useEffect, useState } from 'react';
import { hrefOf, parseHash, type Route, type SectionId } from './routes.ts';

/** The current hash route; hash routing works the same from file:// (Electron) and the browser shell. */
export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseHash(window.location.hash));
  useEffect(() => {
    const update = (): void => setRoute(parseHash(window.location.hash));
    window.addEventListener('hashchange', update);
    return () => window.removeEventListener('hashchange', update);
  }, []);
  return route;
}

export function navigate(section: SectionId, ...rest: readonly string[]): void {
  window.location.hash = hrefOf(section, ...rest);
}
