// Usage upload: reads the CSV in the browser, sends it to the console in chunks (each chunk is one call of
// provider-service's batch API with the provider's own token), shows progress and every record's result, and offers
// the results as a CSV download. No library, no build step.
(function () {
  var script = document.querySelector('script[data-chunk]');
  var CHUNK = parseInt(script.getAttribute('data-chunk'), 10) || 500;
  function t(key) { return script.getAttribute('data-t-' + key) || key; }
  function label(status) { return script.getAttribute('data-t-label-' + status.toLowerCase()) || status; }
  var form = document.getElementById('usage-form');
  var results = [];

  function parseCsv(text) {
    var lines = text.split(/\r?\n/).filter(function (l) { return l.trim() !== ''; });
    if (lines.length === 0) return [];
    var header = splitLine(lines[0]).map(function (h) { return h.trim(); });
    return lines.slice(1).map(function (line) {
      var cells = splitLine(line), row = {};
      header.forEach(function (h, i) { row[h] = cells[i] === undefined ? '' : cells[i].trim(); });
      return row;
    });
  }
  function splitLine(line) { // commas, with "quoted, fields"
    var out = [], cur = '', q = false;
    for (var i = 0; i < line.length; i++) {
      var c = line[i];
      if (q) { if (c === '"' && line[i + 1] === '"') { cur += '"'; i++; } else if (c === '"') { q = false; } else { cur += c; } }
      else if (c === '"') { q = true; } else if (c === ',') { out.push(cur); cur = ''; } else { cur += c; }
    }
    out.push(cur);
    return out;
  }
  // Values the API cannot even parse would refuse the whole chunk: send them as missing, so that the record itself
  // is answered (INCOMPLETE_RECORD, …) and the other records of the chunk are not affected.
  function integer(v) { return /^-?\d+$/.test(v) ? Number(v) : null; }
  function uuid(v) { return /^[0-9a-fA-F-]{36}$/.test(v) ? v : null; }
  function instant(v) { return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(v) ? v : null; }
  function decimal(v) { return /^-?\d+(\.\d+)?$/.test(v) ? v : null; }
  function record(r) {
    return { recordId: r.recordId || null, allocationId: uuid(r.allocationId || ''), periodStart: instant(r.periodStart || ''),
      periodEnd: instant(r.periodEnd || ''), units: decimal(r.units || ''), unitPriceFen: integer(r.unitPriceFen || ''),
      amountFen: integer(r.amountFen || ''), deliveryCertificateRef: r.deliveryCertificateRef || null };
  }

  function render() {
    var filter = document.getElementById('usage-filter').value;
    var body = document.querySelector('#usage-results tbody');
    var shown = results.filter(function (r) { return filter === 'ALL' || r.status === filter; });
    var rows = shown.slice(0, 1000).map(function (r) {
      return '<tr class="' + (r.status === 'REJECTED' ? 'rejected' : 'accepted') + '" data-status="' + r.status + '"><td>' + r.n + '</td><td>' + esc(r.recordId) +
        '</td><td>' + esc(label(r.status)) + '</td><td>' + esc(r.code || '') + '</td><td>' + esc(r.message || '') + '</td></tr>';
    });
    body.innerHTML = rows.join('');
    var more = document.getElementById('usage-more');
    more.hidden = shown.length <= 1000;
    more.textContent = t('shown');
  }
  function esc(s) { return String(s == null ? '' : s).replace(/[&<>"]/g, function (c) { return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }[c]; }); }
  function csvCell(s) { s = String(s == null ? '' : s); return /[",\n]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s; }

  async function upload() {
    var file = document.getElementById('usage-file').files[0];
    if (!file) return;
    var rows = parseCsv(await file.text());
    var box = document.getElementById('usage-progress-box'), bar = document.getElementById('usage-progress');
    var summary = document.getElementById('usage-summary'), button = document.getElementById('usage-upload');
    box.hidden = false; results = []; bar.value = 0; bar.max = Math.max(rows.length, 1);
    if (rows.length === 0) { summary.textContent = t('empty'); return; }
    button.disabled = true;
    var counts = { ACCEPTED_FOR_PROCESSING: 0, REJECTED: 0, DUPLICATE: 0 };
    for (var start = 0; start < rows.length; start += CHUNK) {
      var chunk = rows.slice(start, start + CHUNK);
      var answer, ok = false;
      try {
        var res = await fetch('/provider/usage/batch', { method: 'POST', credentials: 'same-origin',
          headers: { 'Content-Type': 'application/json', 'Accept': 'application/json' },
          body: JSON.stringify({ records: chunk.map(record) }) });
        answer = await res.json(); ok = res.ok;
      } catch (e) { answer = { code: 'NETWORK', message: String(e) }; }
      chunk.forEach(function (row, i) {
        var r = ok && answer.results ? answer.results[i] : null;
        var status = r ? r.status : 'REJECTED';
        counts[status] = (counts[status] || 0) + 1;
        results.push({ n: start + i + 1, recordId: row.recordId, status: status, code: r ? r.code : answer.code,
          message: r ? r.message : (answer.message || '') + (answer.other ? ' / ' + answer.other : ''), usageReportId: r ? r.usageReportId : '' });
      });
      bar.value = Math.min(rows.length, start + chunk.length);
      summary.textContent = rows.length + t('of') + bar.value + ' · ' + t('accepted') + ' ' + counts.ACCEPTED_FOR_PROCESSING +
        ' · ' + t('rejected') + ' ' + counts.REJECTED + ' · ' + t('duplicate') + ' ' + counts.DUPLICATE;
      render();
    }
    summary.textContent = t('done') + ': ' + summary.textContent;
    summary.setAttribute('data-done', 'true');
    var csv = ['n,recordId,status,code,message,usageReportId'].concat(results.map(function (r) {
      return [r.n, r.recordId, r.status, r.code, r.message, r.usageReportId].map(csvCell).join(',');
    })).join('\n');
    var link = document.getElementById('usage-download');
    link.href = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
    link.hidden = false;
    button.disabled = false;
  }
  form.addEventListener('submit', function (e) { e.preventDefault(); upload(); });
  document.getElementById('usage-filter').addEventListener('change', render);
})();
