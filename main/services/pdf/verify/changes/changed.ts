import type { PdfValue } from '../../read/values.ts';

/** One object whose cross-reference entry changed after the signature, with both readings. */
export interface Changed {
  readonly num: number;
  /** "n g R" in the final revision. */
  readonly key: string;
  readonly change: 'added' | 'modified';
  /** The signed revision's value (undefined when added). */
  readonly before: PdfValue | undefined;
  readonly after: PdfValue;
}
