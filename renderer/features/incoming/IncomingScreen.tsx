import type { Route } from '../../app/frame/routes.ts';
import { parsePreset, PRESET_SLUG } from '../../app/due/list-preset.ts';
import { vi } from '../../i18n/vi.ts';
import { IncomingDetail } from './IncomingDetail.tsx';
import { IncomingList } from './IncomingList.tsx';
import { RegisterIncoming } from './RegisterIncoming.tsx';

/** Văn bản đến: `#/van-ban-den` the list, `/moi` registration, `/<id>` one document. */
export function IncomingScreen({ route }: { route: Route }) {
  const [first] = route.rest;
  return (
    <section aria-labelledby="incoming-title">
      <h1 id="incoming-title">{vi.incoming.title}</h1>
      {first === undefined || first === PRESET_SLUG ? <IncomingList preset={parsePreset(route.rest)} /> : null}
      {first === 'moi' ? <RegisterIncoming /> : null}
      {first !== undefined && first !== 'moi' && first !== PRESET_SLUG ? <IncomingDetail id={first} /> : null}
    </section>
  );
}
