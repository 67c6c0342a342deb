import type { SignerRole, TokenList } from '../../../preload/contract/tokens.ts';
import { ErrorNotice } from '../../app/feedback/ErrorNotice.tsx';
import { Progress } from '../../app/feedback/Progress.tsx';
import { SelectField } from '../../app/forms/SelectField.tsx';
import { vi } from '../../i18n/vi.ts';
import type { Loaded } from '../../app/ipc/use-load.ts';
import { choiceKey, choicesFrom, type SignerChoice } from './signer-choice.ts';

export interface SignerPickerProps {
  readonly tokens: Loaded<TokenList>;
  readonly role: SignerRole;
  readonly selected: SignerChoice | null;
  readonly onSelect: (choice: SignerChoice | null) => void;
  readonly onReload: () => void;
}

/** Which certificate to sign with: every certificate on the plugged tokens, the role's own first. */
export function SignerPicker({ tokens, role, selected, onSelect, onReload }: SignerPickerProps) {
  if (tokens.state === 'loading') {
    return <Progress label={vi.signing.findingTokens} />;
  }
  if (tokens.state === 'failed') {
    return <ErrorNotice error={tokens.error} onRetry={onReload} />;
  }
  if (tokens.state === 'missing') {
    return null;
  }
  const choices = choicesFrom(tokens.value, role);
  if (choices.length === 0) {
    return (
      <div className="notice notice-warn" role="status" data-testid="no-token">
        <p>{vi.signing.noToken}</p>
        <button type="button" className="secondary" onClick={onReload}>
          {vi.common.reload}
        </button>
      </div>
    );
  }
  const value = selected === null ? '' : choiceKey(selected);
  return (
    <SelectField
      label={vi.signing.certificate}
      value={value}
      onChange={(key) => onSelect(choices.find((c) => choiceKey(c) === key) ?? null)}
      options={[
        { value: '', label: vi.signing.chooseCertificate },
        ...choices.map((c) => ({
          value: choiceKey(c),
          label: `${c.certificate.commonName} — ${c.token.label} (${vi.signing.roles[c.certificate.roleGuess]})`,
        })),
      ]}
    />
  );
}
