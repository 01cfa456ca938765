import { createHash } from 'node:crypto'

/**
 * The report's only script: sorting and filtering the recommendations table,
 * opening a recommendation's section when a link points at it, and opening
 * every section for printing. Plain ES2017, no framework, no user data: it
 * reads the `data-` attributes the renderer wrote, so its text (and so its
 * CSP hash) is the same for every report.
 */
export const clientScript = `(function () {
  'use strict';
  function cellKey(row, index) {
    var cell = row.cells[index];
    if (!cell) return '';
    var key = cell.getAttribute('data-sort');
    return key === null ? cell.textContent.trim().toLowerCase() : key;
  }
  function setUp(container) {
    var table = container.querySelector('table.recs');
    if (!table) return;
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    var original = rows.slice();
    var count = container.querySelector('[data-count]');
    var selects = Array.prototype.slice.call(container.querySelectorAll('select[data-filter]'));
    function applyFilters() {
      var shown = 0;
      rows.forEach(function (row) {
        var visible = selects.every(function (select) {
          var value = select.value;
          if (value === '') return true;
          var have = (row.getAttribute('data-' + select.getAttribute('data-filter')) || '').split(' ');
          return have.indexOf(value) !== -1;
        });
        row.hidden = !visible;
        if (visible) shown += 1;
      });
      if (count) count.textContent = 'Showing ' + shown + ' of ' + rows.length + ' recommendations';
    }
    selects.forEach(function (select) { select.addEventListener('change', applyFilters); });
    var headers = Array.prototype.slice.call(table.tHead.rows[0].cells);
    headers.forEach(function (header, index) {
      var button = header.querySelector('button[data-sort-column]');
      if (!button) return;
      button.addEventListener('click', function () {
        var ascending = header.getAttribute('aria-sort') !== 'ascending';
        headers.forEach(function (other) { other.removeAttribute('aria-sort'); });
        header.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
        // Ties keep the register's order, whatever the previous sort was.
        var order = rows.map(function (row) { return { row: row, key: cellKey(row, index), position: original.indexOf(row) }; });
        order.sort(function (a, b) {
          var result = a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
          if (!ascending) result = -result;
          return result || a.position - b.position;
        });
        order.forEach(function (item) { body.appendChild(item.row); });
        rows = order.map(function (item) { return item.row; });
      });
    });
    applyFilters();
  }
  function openTarget() {
    var id = decodeURIComponent(location.hash.slice(1));
    if (!id) return;
    var target = document.getElementById(id);
    var details = target && target.closest('details');
    if (details) details.open = true;
  }
  var closedForPrint = [];
  window.addEventListener('beforeprint', function () {
    closedForPrint = Array.prototype.filter.call(document.querySelectorAll('details.rec'), function (details) { return !details.open; });
    closedForPrint.forEach(function (details) { details.open = true; });
  });
  window.addEventListener('afterprint', function () {
    closedForPrint.forEach(function (details) { details.open = false; });
    closedForPrint = [];
  });
  window.addEventListener('hashchange', openTarget);
  document.addEventListener('click', function (event) {
    var link = event.target && event.target.closest ? event.target.closest('a[href^="#"]') : null;
    if (!link) return;
    var target = document.getElementById(decodeURIComponent(link.getAttribute('href').slice(1)));
    var details = target && target.closest('details');
    if (details) details.open = true;
  });
  Array.prototype.forEach.call(document.querySelectorAll('[data-recs]'), setUp);
  document.documentElement.classList.add('js');
  openTarget();
})();`

/** The CSP source that allows exactly {@link clientScript}. */
export const clientScriptHash = `'sha256-${createHash('sha256').update(clientScript, 'utf8').digest('base64')}'`
