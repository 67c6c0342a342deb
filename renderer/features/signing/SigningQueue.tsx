import type { AppError } from '../../../preload/contract/index.ts';
import type { OutgoingDocument } from '../../../preload/contract/outgoing.ts';
import { vi } from '../../i18n/vi.ts';

export interface SigningQueueProps {
  readonly documents: readonly OutgoingDocument[];
  readonly selected: ReadonlySet<string>;
  /** The reason main gave for each document the last batch could not sign. */
  readonly failures: Readonly<Record<string, AppError>>;
  readonly onToggle: (id: string) => void;
  /** Tick every document, or untick them all when every one is ticked. */
  readonly onToggleAll: () => void;
}

/**
 * The leader's queue: documents submitted for signature, each signed from the draft file kept
 * with it (no file to choose, no path to type), with a checkbox and the last batch's outcome.
 */
export function SigningQueue(props: SigningQueueProps) {
  if (props.documents.length === 0) {
    return <p role="status">{vi.signing.emptyQueue}</p>;
  }
  const c = vi.signing.columns;
  return (
    <table className="table" data-testid="signing-queue">
      <caption className="hint">
        {vi.signing.queueCount(props.documents.length)}{' '}
        <button type="button" className="secondary" onClick={props.onToggleAll}>
          {props.documents.every((d) => props.selected.has(d.id)) ? vi.signing.selectNone : vi.signing.selectAll}
        </button>
      </caption>
      <thead>
        <tr>
          <th scope="col">{c.select}</th>
          <th scope="col">{c.document}</th>
          <th scope="col">{c.file}</th>
          <th scope="col">{c.preview}</th>
        </tr>
      </thead>
      <tbody>
        {props.documents.map((d) => {
          const failure = props.failures[d.id];
          return (
            <tr key={d.id}>
              <td>
                <input
                  type="checkbox"
                  checked={props.selected.has(d.id)}
                  onChange={() => props.onToggle(d.id)}
                  aria-label={vi.signing.selectDoc(d.trichYeu)}
                />
              </td>
              <td>
                <strong>{d.tenLoai}</strong> {d.trichYeu}
              </td>
              <td>{d.fileSha256 === null ? vi.issuing.files.none : `${d.fileSha256.slice(0, 12)}…`}</td>
              <td data-testid="sign-result">
                {failure === undefined ? null : (
                  <span className="notice-error" data-code={failure.code}>
                    {vi.issuing.results.failed}: {failure.message}
                  </span>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
