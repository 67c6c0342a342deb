import type { IncomingAddResult } from '../../../preload/contract/incoming.ts';
import { hrefOf } from '../../app/frame/routes.ts';
import { vi } from '../../i18n/vi.ts';

/** After registration: the số đến given, any duplicate warnings (ND30 PL VI), and where to go next. */
export function Registered({ result, onAnother }: { result: IncomingAddResult; onAnother: () => void }) {
  const { document, duplicates } = result;
  return (
    <section aria-labelledby="registered-title" data-testid="registered">
      <h2 id="registered-title" className="notice notice-ok" role="status">
        {vi.incoming.registered(document.soDenHienThi)}
      </h2>
      {document.soDen === null ? <p className="notice notice-warn">{vi.incoming.provisional}</p> : null}
      {duplicates.length > 0 ? (
        <div className="notice notice-warn" role="alert" data-testid="duplicates">
          <strong>{vi.incoming.duplicates}</strong>
          <ul>
            {duplicates.map((d) => (
              <li key={`${d.documentId}-${d.reason}`}>
                <a href={hrefOf('incoming', d.documentId)}>{vi.incoming.duplicateLink(d.soDenHienThi)}</a>
                {': '}
                {vi.incoming.duplicateReason[d.reason]}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <div className="actions">
        <a className="button" href={hrefOf('incoming', document.id)}>
          {vi.incoming.openRegistered}
        </a>
        <button type="button" className="secondary" onClick={onAnother}>
          {vi.incoming.registerAnother}
        </button>
      </div>
    </section>
  );
}
