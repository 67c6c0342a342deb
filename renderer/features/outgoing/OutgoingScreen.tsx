import type { Route } from '../../app/frame/routes.ts';
import { parsePreset, PRESET_SLUG } from '../../app/due/list-preset.ts';
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
      {first === undefined || first === PRESET_SLUG ? <OutgoingList preset={parsePreset(route.rest)} /> : null}
      {first === 'moi' ? <DraftOutgoing /> : null}
      {first !== undefined && first !== 'moi' && first !== PRESET_SLUG ? <OutgoingDetail id={first} /> : null}
    </section>
  );
}
