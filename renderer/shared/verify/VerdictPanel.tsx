import type { VerifyReport } from '../../../preload/contract/verify.ts';
import { vi } from '../../i18n/vi.ts';

const dateTime = new Intl.DateTimeFormat('vi-VN', {
  dateStyle: 'short',
  timeStyle: 'short',
  timeZone: 'Asia/Ho_Chi_Minh',
});

/**
 * The verification verdict in plain words, shown above the document: valid, invalid or
 * undetermined, the reasons as sentences a văn thư can paste into a "trả lại", and who signed.
 */
export function VerdictPanel({ report }: { report: VerifyReport }) {
  return (
    <section
      className={`verdict verdict-${report.verdict}`}
      aria-labelledby="verdict-title"
      data-testid="verdict"
      data-verdict={report.verdict}
    >
      <h2 id="verdict-title">{vi.verify.verdicts[report.verdict]}</h2>
      {report.reasons.length > 0 ? (
        <ul>
          {report.reasons.map((reason) => (
            <li key={reason}>{reason}</li>
          ))}
        </ul>
      ) : null}
      {report.signatures.length === 0 ? <p>{vi.verify.noSignatures}</p> : null}
      {report.signatures.length > 0 ? (
        <table className="table">
          <caption className="hint">{vi.verify.signatures(report.signatures.length)}</caption>
          <thead>
            <tr>
              <th scope="col">{vi.verify.signer}</th>
              <th scope="col">{vi.verify.organization}</th>
              <th scope="col">{vi.verify.signingTime}</th>
            </tr>
          </thead>
          <tbody>
            {report.signatures.map((s) => (
              <tr key={s.field}>
                <td>{s.signer.commonName}</td>
                <td>{s.signer.organization}</td>
                <td>{s.signingTime === null ? '' : dateTime.format(new Date(s.signingTime))}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {report.verdict !== 'valid' ? <p className="hint">{vi.verify.returnHint}</p> : null}
    </section>
  );
}
