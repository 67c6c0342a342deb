// Run by `mutool run modify.js <in> <out> <action> [arg]`: one change after signing, saved as an
// incremental update so earlier signatures keep their bytes. Actions: text, page, annot, field.
var doc = new PDFDocument(scriptArgs[0]);
var out = scriptArgs[1];
var action = scriptArgs[2];
var arg = scriptArgs[3];
if (action === 'text') {
  // Draw text into page 1's content: a new content stream appended to /Contents.
  var page = doc.findPage(0);
  var font = doc.addSimpleFont(new Font('Helvetica'), 'Latin');
  var res = page.get('Resources');
  var fonts = res.get('Font');
  if (fonts.isNull()) {
    fonts = doc.newDictionary();
    res.put('Font', fonts);
  }
  fonts.put('FVanthuX', font);
  var stream = doc.addStream('BT /FVanthuX 14 Tf 72 72 Td (Da sua sau khi ky) Tj ET', {});
  var contents = page.get('Contents');
  var list = doc.newArray();
  if (contents.isArray()) {
    for (var i = 0; i < contents.length; i++) list.push(contents.get(i));
  } else {
    list.push(contents);
  }
  list.push(stream);
  page.put('Contents', list);
} else if (action === 'page') {
  doc.insertPage(-1, doc.addPage([0, 0, 595, 842], 0, {}, ''));
} else if (action === 'annot') {
  var p = doc.loadPage(0);
  var annot = p.createAnnotation('Text');
  annot.setRect([300, 300, 320, 320]);
  annot.setContents('Ghi chu sau khi ky');
  annot.update();
} else if (action === 'field') {
  // mupdf 1.21 widgets expose the field name only as the label (TU, else T).
  var fieldName = function (w) {
    return w.getLabel();
  };
  var done = false;
  for (var n = 0; n < doc.countPages() && !done; n++) {
    var widgets = doc.loadPage(n).getWidgets();
    for (var j = 0; j < widgets.length; j++) {
      var w = widgets[j];
      if (w.getFieldType() === 'text' && (arg === undefined || fieldName(w) === arg)) {
        w.setTextValue('99/QĐ-SUA');
        w.update();
        done = true;
        break;
      }
    }
  }
  if (!done) throw new Error('no text field ' + arg);
} else {
  throw new Error('unknown action ' + action);
}
doc.save(out, 'incremental');
print('ok');
