import type { Route } from '../../app/frame/routes.ts';
import { vi } from '../../i18n/vi.ts';
import { DraftOutgoing } from './DraftOutgoing.tsx';
import { OutgoingDetail } from './OutgoingDetail.tsx';
import { OutgoingList } from './OutgoingList.tsx';

/** Văn bản đi: `#/van-ban-di` the list, `/moi` a new draft, `/<id>` one document. */
export function OutgoingScreen({ route }: { route: Route }) {
  const [first] = route.rest;
  return (
    <section aria-labelledby="outgoing-title">
      <h1 id="outgoing-title">{vi.outgoing.title}</h1>
      {first === undefined ? <OutgoingList /> : null}
      {first === 'moi' ? <DraftOutgoing /> : null}
      {first !== undefined && first !== 'moi' ? <OutgoingDetail id={first} /> : null}
    </section>
  );
}
