// Appended to a printable page by tests/cli/export.rs before Chromium loads it.
// Marks <body data-overflow="…"> with every box whose content does not fit,
// or "none". Not part of the pages factdeck writes: those need no script.
(function () {
  var bad = [];
  var tooBig = function (el) {
    return el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1;
  };
  document.querySelectorAll('.fit').forEach(function (el) {
    if (tooBig(el)) {
      var cell = el.closest('.cell');
      bad.push('card' + cell.dataset.card + '-' + cell.dataset.side);
    }
  });
  document.querySelectorAll('.sheet').forEach(function (sheet, i) {
    var r = sheet.getBoundingClientRect();
    sheet.querySelectorAll('.cell').forEach(function (cell) {
      var c = cell.getBoundingClientRect();
      if (c.left < r.left - 0.5 || c.right > r.right + 0.5 ||
          c.top < r.top - 0.5 || c.bottom > r.bottom + 0.5) {
        bad.push('sheet' + (i + 1) + '-cell-outside');
      }
    });
  });
  document.querySelectorAll('.q, td, .bank').forEach(function (el) {
    if (el.scrollWidth > el.clientWidth + 1) {
      bad.push('wide:' + (el.dataset.question || el.textContent.trim().slice(0, 20)));
    }
  });
  if (document.documentElement.scrollWidth > document.documentElement.clientWidth + 1 &&
      !document.querySelector('.sheet')) {
    bad.push('page-too-wide');
  }
  document.body.setAttribute('data-overflow', bad.length ? bad.join(' ') : 'none');
})();
