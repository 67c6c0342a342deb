import { vi } from '../../i18n/vi.ts';

const STYLES = ['seal-only', 'seal-with-text'] as const;

/** The organization's house style for the seal: ND30 allows the seal alone; some provinces add text. */
export function HouseStyleChoice({ value, onChange }: { value: string; onChange: (value: string) => void }) {
  return (
    <fieldset className="choice">
      <legend>{vi.settings.houseStyle}</legend>
      {STYLES.map((style) => (
        <label key={style}>
          <input
            type="radio"
            name="houseStyle"
            value={style}
            checked={value === style}
            onChange={() => onChange(style)}
          />
          {vi.settings.houseStyles[style]}
        </label>
      ))}
    </fieldset>
  );
}
