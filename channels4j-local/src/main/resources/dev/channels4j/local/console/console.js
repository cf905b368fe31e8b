// The channels4j debug console: draws the state pushed by the server (Server-Sent Events) and
// appends the log as it arrives. Plain DOM, no framework, nothing from the network but this server.
(function () {
  'use strict';
  var MAX_ROWS = 500; // the server keeps 500 entries too
  var ACTION_HEADER = { 'Content-Type': 'application/json', 'X-Channels4j-Console': '1' };
  var seen = 0;
  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    if (cls) { e.className = cls; }
    return e;
  }
  function row(cells, cls) {
    var tr = el('tr', null, cls);
    cells.forEach(function (c) {
      if (c instanceof Node) { var td = el('td'); td.appendChild(c); tr.appendChild(td); }
      else { tr.appendChild(el('td', c)); }
    });
    return tr;
  }
  function drawState(state) {
    var connections = document.querySelector('#connections tbody');
    var channels = document.querySelector('#channels tbody');
    var apps = document.getElementById('app');
    connections.textContent = '';
    channels.textContent = '';
    var total = 0;
    if (apps.options.length !== state.apps.length) {
      apps.textContent = '';
      state.apps.forEach(function (a) { apps.appendChild(el('option', a.id)); });
    }
    state.apps.forEach(function (app) {
      total += app.connectionCount;
      app.connections.forEach(function (c) {
        var drop = el('button', 'drop');
        drop.type = 'button';
        drop.addEventListener('click', function () {
          act('/console/api/faults', { action: 'drop', socketId: c.socketId, code: 4200 }, 'fault-result');
        });
        var tr = row([c.socketId, c.userId || '', c.channels.join(', '), drop]);
        tr.dataset.socketId = c.socketId;
        connections.appendChild(tr);
      });
      app.channels.forEach(function (ch) {
        var members = ch.members ? Object.keys(ch.members).map(function (id) {
          return id + ' ' + JSON.stringify(ch.members[id]);
        }).join('\n') : '';
        var tr = row([ch.name, ch.kind, ch.subscriptionCount, members]);
        tr.dataset.channel = ch.name;
        channels.appendChild(tr);
      });
    });
    document.getElementById('connection-count').textContent = total;
    var waiting = document.getElementById('faults-waiting');
    waiting.textContent = '';
    state.faults.forEach(function (f) { waiting.appendChild(el('li', f)); });
  }
  function drawEntry(e) {
    if (e.id <= seen) { return; } // the snapshot and the live stream may overlap
    seen = e.id;
    var body = document.querySelector('#log tbody');
    var tr;
    if (e.type === 'webhook') {
      var answer = e.status ? 'HTTP ' + e.status : 'failed: ' + (e.failure || '');
      tr = row([e.id, 'webhook #' + e.attempt, e.url, answer, el('span', e.body, 'data')],
        'webhook' + (e.status >= 200 && e.status < 300 ? '' : ' failed'));
    } else if (e.type === 'note') {
      tr = row([e.id, 'console', '', e.text, ''], 'note');
    } else {
      var who = e.type === 'client' ? 'client event' + (e.socketId ? ' from ' + e.socketId : '') : 'API event';
      tr = row([e.id, who, e.channel, e.event, el('span', e.data, 'data')], e.type);
    }
    tr.dataset.type = e.type;
    body.insertBefore(tr, body.firstChild);
    while (body.rows.length > MAX_ROWS) { body.deleteRow(body.rows.length - 1); }
  }
  function act(path, payload, outputId) {
    var out = document.getElementById(outputId);
    return fetch(path, { method: 'POST', headers: ACTION_HEADER, body: JSON.stringify(payload) })
      .then(function (r) { return r.json(); })
      .then(function (j) { out.textContent = j.ok || j.error; out.className = j.ok ? 'ok' : 'error'; })
      .catch(function (err) { out.textContent = String(err); out.className = 'error'; });
  }
  document.getElementById('event-creator').addEventListener('submit', function (ev) {
    ev.preventDefault();
    var f = ev.target;
    act('/console/api/publish', { app: f.app.value, channel: f.channel.value, event: f.event.value, data: f.data.value },
      'publish-result');
  });
  document.querySelectorAll('#faults-form button[data-action]').forEach(function (b) {
    b.addEventListener('click', function () {
      var f = document.getElementById('faults-form');
      var payload = { action: b.dataset.action, count: Number(f.count.value), operation: f.operation.value,
        status: Number(f.status.value), delayMillis: Number(f.delayMillis.value), code: Number(f.code.value) };
      if (f.retryAfterSeconds.value !== '') { payload.retryAfterSeconds = Number(f.retryAfterSeconds.value); }
      act('/console/api/faults', payload, 'fault-result');
    });
  });
  document.getElementById('clear-log').addEventListener('click', function () {
    document.querySelector('#log tbody').textContent = '';
  });
  var status = document.getElementById('status');
  var source = new EventSource('/console/api/events');
  source.addEventListener('open', function () { status.textContent = 'live'; status.className = 'status live'; });
  source.addEventListener('error', function () { status.textContent = 'reconnecting…'; status.className = 'status'; });
  source.addEventListener('state', function (m) { drawState(JSON.parse(m.data)); });
  source.addEventListener('log', function (m) { drawEntry(JSON.parse(m.data)); });
}());
