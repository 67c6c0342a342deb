/**
 * How every PDF is opened in the renderer: incoming files may carry JavaScript, actions and XFA
 * (the arrival check reports them), and none of it may run or be followed here. pdf.js runs
 * document scripts only through a scripting sandbox the app never creates, and links are
 * interactive only in an annotation layer the app never builds (pages are painted to a canvas);
 * these options switch off the rest: no eval-compiled fonts, no XFA forms.
 */
export const SAFE_PDF_OPTIONS = {
  isEvalSupported: false,
  enableXfa: false,
} as const;
