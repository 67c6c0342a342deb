import { ErrorNotice } from '../../app/feedback/ErrorNotice.tsx';
import { Progress } from '../../app/feedback/Progress.tsx';
import { errorTextVi } from '../../../preload/contract/index.ts';
import { vi } from '../../i18n/vi.ts';
import { useTokens } from '../../shared/signing/use-tokens.ts';

/**
 * What the token layer found: each PKCS#11 module probed (loaded, or why not) and each token with
 * its certificates, so "token not recognised" is answered on the spot. Updates on plug and pull.
 */
export function TokenModules() {
  const { data, reload } = useTokens();
  return (
    <section aria-labelledby="token-modules-title" data-testid="token-modules">
      <h2 id="token-modules-title">{vi.settings.found}</h2>
      {data.state === 'loading' ? <Progress label={vi.signing.findingTokens} /> : null}
      {data.state === 'failed' ? <ErrorNotice error={data.error} onRetry={reload} /> : null}
      {data.state === 'ready' ? (
        <>
          <ul>
            {data.value.modules.map((m) => (
              <li key={m.path}>
                <code>{m.path}</code>
                {': '}
                {m.ok
                  ? vi.settings.moduleOk(m.libraryDescription ?? m.vendor ?? '')
                  : m.error === undefined
                    ? vi.settings.moduleFailed
                    : errorTextVi[m.error.code].message}
              </li>
            ))}
          </ul>
          {data.value.tokens.length === 0 ? <p>{vi.signing.noToken}</p> : null}
          <ul>
            {data.value.tokens.map((t) => (
              <li key={`${t.modulePath}|${t.serial}`}>
                {vi.settings.tokenLine(t.label, t.serial, t.certificates.map((c) => c.commonName).join(', '))}
              </li>
            ))}
          </ul>
          <button type="button" className="secondary" onClick={reload}>
            {vi.settings.probe}
          </button>
        </>
      ) : null}
    </section>
  );
}
