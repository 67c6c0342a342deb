import type { Route } from '../../app/frame/routes.ts';
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
      {first === undefined ? <IncomingList /> : null}
      {first === 'moi' ? <RegisterIncoming /> : null}
      {first !== undefined && first !== 'moi' ? <IncomingDetail id={first} /> : null}
    </section>
  );
}
