import type { ArrivalCheck } from '../../../preload/contract/arrival-check.ts';
import type { IncomingDocument } from '../../../preload/contract/incoming.ts';
import { vi } from '../../i18n/vi.ts';
import { verdictKey } from './arrival-verdict.ts';

function malwareText(malware: ArrivalCheck['malware']): string {
  const t = vi.arrival.malware;
  switch (malware.status) {
    case 'clean':
      return t.clean(malware.scanner ?? '');
    case 'infected':
      return t.infected(malware.scanner ?? '', malware.detail);
    case 'not-scanned':
      return t['not-scanned'];
    case 'failed':
      return t.failed(malware.detail);
  }
}

/** The verdict of the arrival check, each signature's kind and every finding with where it is. */
export function ArrivalCheckFacts({ document }: { document: IncomingDocument }) {
  const check = document.arrivalCheck;
  const key = verdictKey(document);
  if (key === 'none') {
    return null;
  }
  return (
    <section aria-labelledby="arrival-title" data-testid="arrival-check">
      <h3 id="arrival-title">{vi.arrival.title}</h3>
      <p className={`badge verdict-${key}`} data-testid="arrival-verdict">
        {vi.arrival.verdict[key]}
      </p>
      {check === null ? null : (
        <>
          <h4>{vi.arrival.signatures}</h4>
          <ul>
            {check.signatures.map((s) => (
              <li key={s.field}>
                {vi.arrival.kind[s.kind]}: {s.organization === '' ? s.signer : `${s.signer} (${s.organization})`}
                {/* Why this kind: the certificate profile and the NĐ 30 appearance, as main worded it. */}
                <span className="hint">{vi.arrival.basis(s.basis)}</span>
              </li>
            ))}
          </ul>
          <h4>{vi.arrival.findings}</h4>
          {check.findings.length === 0 ? <p>{vi.arrival.noFindings}</p> : null}
          <ul data-testid="arrival-findings">
            {check.findings.map((f, i) => (
              <li key={`${f.code}-${i}`}>
                {f.message}
                {f.where.length === 0 ? null : ` (${f.where.join('; ')})`}
              </li>
            ))}
          </ul>
          {/* A scan that did not happen is already one of the findings above. */}
          {check.malware.status === 'clean' ? <p>{malwareText(check.malware)}</p> : null}
        </>
      )}
    </section>
  );
}
