// Run by `mutool run`: prints mupdf's verdicts as JSON. validateChangeHistory() and each
// widget's validateSignature() are mupdf's DocMDP/FieldMDP-aware change checks (0 = permitted).
var doc = new PDFDocument(scriptArgs[0]);
var out = { versions: doc.countVersions(), history: doc.validateChangeHistory(), signatures: [] };
for (var i = 0; i < doc.countPages(); i++) {
  var widgets = doc.loadPage(i).getWidgets();
  for (var j = 0; j < widgets.length; j++) {
    var w = widgets[j];
    if (w.getFieldType() !== 'signature') continue;
    var s = { page: i, name: w.getLabel(), signed: w.isSigned() };
    if (s.signed) {
      s.validate = w.validateSignature();
      s.digest = w.checkDigest();
    }
    out.signatures.push(s);
  }
}
print(JSON.stringify(out));
