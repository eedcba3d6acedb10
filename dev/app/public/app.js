// The local app's page: grid, tabs, menus, sidebar, dialogs, alerts, toasts. Plain browser JS,
// served as is (no build, no CDN). The server pushes UI events over server-sent events
// (/api/events); everything the person does goes back as a POST. See docs/local-runtime.md.
(function () {
  'use strict';

  var redraws = 0;
  var edits = 0;
  var ROW_H = 21;
  var HEAD_H = 24;
  var ROWH_W = 46;
  var state = { title: '', sheets: [], menus: [], sheet: null, view: null, ucPort: 0, sel: null, frames: {} };

  function $(id) {
    return document.getElementById(id);
  }
  function esc(s) {
    return String(s).replace(/[&<>"']/g, function (c) {
      return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c];
    });
  }
  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    if (attrs) for (var k in attrs) if (attrs[k] !== undefined && attrs[k] !== null) e.setAttribute(k, attrs[k]);
    if (text !== undefined) e.textContent = text;
    return e;
  }
  function colLetter(n) {
    var s = '';
    for (; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    return s;
  }
  function post(path, body) {
    return fetch(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }).then(function (r) {
      return r.json();
    });
  }
  function getJson(path) {
    return fetch(path, { cache: 'no-store' }).then(function (r) {
      return r.json();
    });
  }

  // ---------------------------------------------------------------- state and refresh
  var refreshTimer = null;
  var refreshing = Promise.resolve();
  function scheduleRefresh() {
    if (refreshTimer) return;
    refreshTimer = setTimeout(function () {
      refreshTimer = null;
      refreshing = refreshing.then(refresh, refresh);
    }, 30);
  }

  function refresh() {
    return getJson('/api/state').then(function (s) {
      state.title = s.title;
      state.ucPort = s.userContentPort;
      document.title = s.title + ' — local';
      $('title').textContent = s.title;
      state.sheets = s.sheets;
      state.tabColors = {};
      (s.tabs || []).forEach(function (x) {
        if (x.color) state.tabColors[x.name] = x.color;
      });
      state.menus = s.menus;
      renderMenus();
      $('busy').hidden = !s.running;
      // The first view opens on the spreadsheet's active sheet, as Sheets does.
      if (!state.sheet && s.active && state.sheets.indexOf(s.active.sheet) >= 0) {
        state.sheet = s.active.sheet;
        if (s.active.row) state.follow = { r: s.active.row, c: s.active.col };
      }
      var first = !state.sheet;
      if (!state.sheet || state.sheets.indexOf(state.sheet) < 0) state.sheet = state.sheets[0] || null;
      if (first) reportView();
      renderTabs();
      if (s.sidebar && !state.frames[s.sidebar.id] && !state.sidebarSeen) {
        state.sidebarSeen = true;
        openSidebar(s.sidebar.id, s.sidebar.title);
      }
      return loadSheet();
    });
  }

  var sheetLoads = 0;
  function loadSheet() {
    if (!state.sheet) {
      $('grid').innerHTML = '';
      state.view = null;
      return Promise.resolve();
    }
    var name = state.sheet;
    // Loads start from refreshes, tab clicks and edits and may answer out of order: only the
    // latest one draws, so an older answer never paints over a newer one.
    var seq = ++sheetLoads;
    return getJson('/api/sheet?name=' + encodeURIComponent(name)).then(function (view) {
      if (seq !== sheetLoads) return;
      if (view.gone) scheduleRefresh(); // the tab went away meanwhile: redraw from fresh state
      if (name !== state.sheet || view.error) return;
      state.view = view;
      var follow = state.follow;
      state.follow = null;
      if (follow) state.sel = null;
      renderGrid();
      $('grid').setAttribute('data-sheet', name);
      if (follow) select(Math.min(follow.r, view.rows || follow.r), follow.c);
      document.body.setAttribute('data-ready', String(++redraws));
    });
  }

  // ---------------------------------------------------------------- menus
  var STANDARD = ['File', 'Edit', 'View', 'Insert', 'Format', 'Data', 'Tools', 'Extensions', 'Help'];

  function menuItems(items) {
    var pop = el('div', { class: 'menu-pop', role: 'menu' });
    items.forEach(function (it) {
      if (it.kind === 'separator') {
        pop.appendChild(el('div', { class: 'menu-sep', role: 'separator' }));
        return;
      }
      var item = el('div', { class: 'menu-item', role: 'menuitem' });
      item.appendChild(el('span', { class: 'caption' }, it.caption || ''));
      if (it.kind === 'submenu') {
        item.classList.add('has-sub');
        item.setAttribute('aria-haspopup', 'true');
        item.appendChild(menuItems(it.items || []));
        item.addEventListener('mouseenter', function () {
          openSub(item);
        });
        item.addEventListener('click', function (e) {
          e.stopPropagation();
          openSub(item);
        });
      } else {
        item.setAttribute('data-fn', it.functionName || '');
        item.addEventListener('mouseenter', function () {
          closeSiblingsSubs(item);
        });
        item.addEventListener('click', function (e) {
          e.stopPropagation();
          closeMenus();
          runMenu(it.functionName);
        });
      }
      pop.appendChild(item);
    });
    return pop;
  }
  function closeSiblingsSubs(item) {
    var parent = item.parentNode;
    Array.prototype.forEach.call(parent.children, function (c) {
      if (c !== item) c.classList.remove('open');
    });
  }
  function openSub(item) {
    closeSiblingsSubs(item);
    item.classList.add('open');
  }
  function closeMenus() {
    Array.prototype.forEach.call(document.querySelectorAll('#menubar .open'), function (n) {
      n.classList.remove('open');
    });
  }

  var renderedMenus = null;
  function renderMenus() {
    var key = JSON.stringify(state.menus);
    if (key === renderedMenus) return;
    renderedMenus = key;
    var bar = $('menubar');
    var openName = bar.querySelector('.menu-top.open');
    openName = openName && openName.getAttribute('data-menu');
    bar.innerHTML = '';
    var addon = state.menus.filter(function (m) {
      return m.addon;
    });
    var custom = state.menus.filter(function (m) {
      return !m.addon;
    });
    function top(name, items) {
      var t = el('div', { class: 'menu-top', role: 'menuitem', 'data-menu': name, 'aria-haspopup': 'true' });
      t.appendChild(el('span', { class: 'caption' }, name));
      if (!items) {
        t.classList.add('disabled');
        t.setAttribute('aria-disabled', 'true');
      } else {
        t.appendChild(menuItems(items));
        t.addEventListener('click', function (e) {
          e.stopPropagation();
          var was = t.classList.contains('open');
          closeMenus();
          if (!was) t.classList.add('open');
        });
      }
      if (name === openName && items) t.classList.add('open');
      bar.appendChild(t);
    }
    STANDARD.forEach(function (name) {
      if (name === 'Extensions') {
        // Extensions ▸ <add-on> ▸ items (an add-on menu lives under Extensions in Sheets).
        var items = addon.map(function (m) {
          return { kind: 'submenu', caption: m.caption, items: m.items };
        });
        if (items.length) items.push({ kind: 'separator' });
        items.push({ kind: 'item', caption: 'Apps Script', functionName: '' });
        top(name, items);
      } else top(name, null);
    });
    // Custom (non-add-on) menus come after Help, as in Sheets.
    custom.forEach(function (m) {
      top(m.caption, m.items);
    });
    Array.prototype.forEach.call(bar.querySelectorAll('.menu-item[data-fn=""]'), function (n) {
      n.classList.add('disabled');
      n.setAttribute('aria-disabled', 'true');
    });
  }
  document.addEventListener('click', closeMenus);

  function runMenu(fn) {
    if (!fn) return;
    post('/api/menu', { fn: fn });
  }

  // ---------------------------------------------------------------- tabs
  function renderTabs() {
    var tabs = $('tabs');
    tabs.innerHTML = '';
    state.sheets.forEach(function (name) {
      var b = el('button', { role: 'tab', 'aria-selected': String(name === state.sheet) }, name);
      if (state.tabColors && state.tabColors[name]) b.style.boxShadow = 'inset 0 -4px 0 ' + state.tabColors[name];
      b.addEventListener('click', function () {
        if (state.sheet === name) return;
        state.sheet = name;
        state.sel = null;
        reportView();
        renderTabs();
        $('grid-wrap').scrollTop = 0;
        $('grid-wrap').scrollLeft = 0;
        loadSheet();
      });
      tabs.appendChild(b);
    });
  }

  // ---------------------------------------------------------------- grid
  function renderGrid() {
    var v = state.view;
    var grid = $('grid');
    var widths = [];
    var hiddenCol = {};
    (v.hiddenCols || []).forEach(function (c) {
      hiddenCol[c] = true;
    });
    for (var c = 1; c <= v.cols; c++) widths.push(hiddenCol[c] ? 0 : (v.colWidths && v.colWidths[c - 1]) || 100);
    var leftOf = [ROWH_W];
    for (c = 1; c <= v.cols; c++) leftOf.push(leftOf[c - 1] + widths[c - 1]);
    var hidden = {};
    (v.hiddenRows || []).forEach(function (r) {
      hidden[r] = true;
    });
    var html = ['<colgroup><col style="width:' + ROWH_W + 'px">'];
    for (c = 1; c <= v.cols; c++) if (!hiddenCol[c]) html.push('<col style="width:' + widths[c - 1] + 'px">');
    html.push('</colgroup><thead><tr><th class="corner"></th>');
    for (c = 1; c <= v.cols; c++) {
      if (hiddenCol[c]) continue;
      var fc = c <= v.frozenCols;
      html.push('<th' + (fc ? ' class="frozen-c' + (c === v.frozenCols ? ' frozen-c-last' : '') + '" style="left:' + leftOf[c - 1] + 'px;z-index:5"' : '') + '>' + colLetter(c) + '</th>');
    }
    html.push('</tr></thead><tbody>');
    var frozenTop = HEAD_H;
    for (var r = 1; r <= v.rows; r++) {
      if (hidden[r]) continue;
      var fr = r <= v.frozenRows;
      var top = frozenTop;
      if (fr) frozenTop += ROW_H;
      var rowCls = fr && r === v.frozenRows ? ' frozen-r-last' : '';
      html.push('<tr data-row="' + r + '"><th class="rowh' + rowCls + '"' + (fr ? ' style="top:' + top + 'px;z-index:4"' : '') + '>' + r + '</th>');
      var row = (v.cells && v.cells[r - 1]) || [];
      for (c = 1; c <= v.cols; c++) {
        if (hiddenCol[c]) continue;
        var cell = row[c - 1] || null;
        var cls = [];
        var style = [];
        var fcol = c <= v.frozenCols;
        if (fr) {
          cls.push('frozen-r');
          style.push('top:' + top + 'px');
          if (r === v.frozenRows) cls.push('frozen-r-last');
        }
        if (fcol) {
          cls.push('frozen-c');
          style.push('left:' + leftOf[c - 1] + 'px');
          if (c === v.frozenCols) cls.push('frozen-c-last');
        }
        var inner = '';
        if (cell) {
          if (cell.num) cls.push('num');
          if (cell.note) cls.push('note');
          if (cell.list) cls.push('list');
          if (cell.invalid) cls.push('invalid');
          if (cell.bg) style.push('background:' + cell.bg);
          if (cell.b) style.push('font-weight:bold');
          if (cell.i) style.push('font-style:italic');
          if (cell.color) style.push('color:' + cell.color);
          if (cell.align) style.push('text-align:' + cell.align);
          var text = cell.checkbox ? (cell.t === 'TRUE' ? '☑' : '☐') : cell.t;
          inner = cell.link ? '<a href="' + esc(cell.link) + '" target="_blank" rel="noopener">' + esc(text) + '</a>' : esc(text);
        }
        html.push(
          '<td data-r="' + r + '" data-c="' + c + '"' + (cls.length ? ' class="' + cls.join(' ') + '"' : '') + (style.length ? ' style="' + esc(style.join(';')) + '"' : '') + '>' + inner + '</td>'
        );
      }
      html.push('</tr>');
    }
    html.push('</tbody>');
    if (v.truncated) html.push('<tfoot><tr><td colspan="' + (v.cols + 1) + '">Only the first ' + v.rows + ' rows are shown.</td></tr></tfoot>');
    grid.style.width = leftOf[v.cols] + 'px';
    grid.innerHTML = html.join('');
    if (state.sel) select(state.sel.r, state.sel.c, true);
  }

  function cellData(r, c) {
    var v = state.view;
    var row = v && v.cells && v.cells[r - 1];
    return (row && row[c - 1]) || null;
  }
  function tdAt(r, c) {
    return $('grid').querySelector('td[data-r="' + r + '"][data-c="' + c + '"]');
  }

  // The server makes the shown sheet and selected cell the active ones of the next menu or
  // sidebar execution (getActiveSheet / getActiveRange are what the person looks at).
  function reportView() {
    if (!state.sheet) return;
    post('/api/view', { sheet: state.sheet, row: state.sel ? state.sel.r : null, col: state.sel ? state.sel.c : null }).catch(function () {});
  }

  function select(r, c, quiet) {
    var old = $('grid').querySelector('td.sel');
    if (old) old.classList.remove('sel');
    state.sel = { r: r, c: c };
    var td = tdAt(r, c);
    if (td) {
      td.classList.add('sel');
      if (!quiet) td.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    }
    if (!quiet) reportView();
    var cell = cellData(r, c);
    $('cell-ref').textContent = colLetter(c) + r;
    $('cell-content').textContent = cell ? (cell.input !== undefined ? cell.input : cell.t) : '';
  }

  $('grid').addEventListener('click', function (e) {
    var td = e.target.closest && e.target.closest('td[data-r]');
    if (!td || e.target.tagName === 'A') return;
    select(+td.getAttribute('data-r'), +td.getAttribute('data-c'));
    $('grid-wrap').focus({ preventScroll: true });
  });
  $('grid').addEventListener('dblclick', function (e) {
    var td = e.target.closest && e.target.closest('td[data-r]');
    if (!td) return;
    var r = +td.getAttribute('data-r');
    var c = +td.getAttribute('data-c');
    select(r, c);
    var cell = cellData(r, c);
    if (cell && cell.list) openListEditor(r, c);
    else openTextEditor(r, c, null);
  });
  $('grid-wrap').addEventListener('keydown', function (e) {
    if (!state.sel || document.querySelector('.cell-editor')) return;
    var r = state.sel.r;
    var c = state.sel.c;
    var v = state.view;
    var hiddenR = v.hiddenRows || [];
    var hiddenC = v.hiddenCols || [];
    function step(x, d, max, hidden) {
      var y = x + d;
      while (y >= 1 && y <= max && hidden.indexOf(y) >= 0) y += d;
      return y >= 1 && y <= max ? y : x;
    }
    if (e.key === 'ArrowDown') r = step(r, 1, v.rows, hiddenR);
    else if (e.key === 'ArrowUp') r = step(r, -1, v.rows, hiddenR);
    else if (e.key === 'ArrowRight' || e.key === 'Tab') c = step(c, 1, v.cols, hiddenC);
    else if (e.key === 'ArrowLeft') c = step(c, -1, v.cols, hiddenC);
    else if (e.key === 'Enter' || e.key === 'F2') {
      e.preventDefault();
      var cell = cellData(r, c);
      if (cell && cell.list && e.key === 'Enter') openListEditor(r, c);
      else openTextEditor(r, c, null);
      return;
    } else if (e.key === 'Delete' || e.key === 'Backspace') {
      e.preventDefault();
      commit(r, c, '');
      return;
    } else if (e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey) {
      e.preventDefault();
      openTextEditor(r, c, e.key);
      return;
    } else return;
    e.preventDefault();
    select(r, c);
  });

  // Notes show on hover, as in Sheets.
  $('grid').addEventListener('mouseover', function (e) {
    var td = e.target.closest && e.target.closest('td.note');
    var pop = $('note-pop');
    if (!td) {
      pop.hidden = true;
      return;
    }
    var cell = cellData(+td.getAttribute('data-r'), +td.getAttribute('data-c'));
    if (!cell || !cell.note) return;
    var rect = td.getBoundingClientRect();
    pop.textContent = cell.note;
    pop.style.left = rect.right + 2 + 'px';
    pop.style.top = rect.top + 'px';
    pop.hidden = false;
  });
  $('grid').addEventListener('mouseleave', function () {
    $('note-pop').hidden = true;
  });

  function placeEditor(ed, td) {
    var wrap = $('grid-wrap');
    var wr = wrap.getBoundingClientRect();
    var rect = td.getBoundingClientRect();
    ed.style.left = rect.left - wr.left + wrap.scrollLeft + 'px';
    ed.style.top = rect.top - wr.top + wrap.scrollTop + 'px';
    ed.style.minWidth = rect.width + 'px';
    ed.style.height = rect.height + 'px';
    wrap.appendChild(ed);
  }

  function openTextEditor(r, c, initial) {
    var td = tdAt(r, c);
    if (!td) return;
    var cell = cellData(r, c);
    var ed = el('input', { class: 'cell-editor', type: 'text', 'aria-label': 'Cell ' + colLetter(c) + r });
    ed.value = initial !== null ? initial : cell ? (cell.input !== undefined ? cell.input : cell.t) : '';
    placeEditor(ed, td);
    ed.focus();
    var done = false;
    function finish(save, move) {
      if (done) return;
      done = true;
      var value = ed.value;
      ed.remove();
      $('grid-wrap').focus({ preventScroll: true });
      if (save) commit(r, c, value).then(function () {
        if (move) select(Math.min(state.view.rows, r + 1), c);
      });
    }
    ed.addEventListener('keydown', function (e) {
      e.stopPropagation();
      if (e.key === 'Enter') finish(true, true);
      else if (e.key === 'Tab') {
        e.preventDefault();
        finish(true, false);
      } else if (e.key === 'Escape') finish(false);
    });
    ed.addEventListener('blur', function () {
      finish(true, false);
    });
  }

  function openListEditor(r, c) {
    var td = tdAt(r, c);
    var cell = cellData(r, c);
    if (!td || !cell) return;
    var ed = el('select', { class: 'cell-editor', 'aria-label': 'Cell ' + colLetter(c) + r + ' options' });
    var current = cell.input !== undefined ? cell.input : cell.t;
    var opts = cell.list.slice();
    if (current !== '' && opts.indexOf(current) < 0) opts.unshift(current);
    ed.appendChild(el('option', { value: '' }, ''));
    opts.forEach(function (o) {
      var opt = el('option', { value: o }, o);
      if (o === current) opt.selected = true;
      ed.appendChild(opt);
    });
    placeEditor(ed, td);
    ed.focus();
    var done = false;
    function finish(save) {
      if (done) return;
      done = true;
      var value = ed.value;
      ed.remove();
      $('grid-wrap').focus({ preventScroll: true });
      if (save && value !== current) commit(r, c, value);
    }
    ed.addEventListener('change', function () {
      finish(true);
    });
    ed.addEventListener('keydown', function (e) {
      e.stopPropagation();
      if (e.key === 'Escape') finish(false);
    });
    ed.addEventListener('blur', function () {
      finish(false);
    });
  }

  function commit(r, c, input) {
    var sheet = state.sheet;
    return post('/api/edit', { sheet: sheet, row: r, col: c, input: input })
      .then(function (res) {
        if (!res.ok) showProblem(res.message || 'This edit was refused.');
        return loadSheet();
      })
      .then(function () {
        // Tests wait for this: the edit is answered and the grid redrawn.
        document.body.setAttribute('data-edits', String(++edits));
      });
  }

  // Sheets' dialog for a rejected edit.
  function showProblem(message) {
    showAsk(
      'problem-' + Date.now(),
      { kind: 'alert', title: 'There was a problem', prompt: message, buttons: 'OK' },
      function () {}
    );
  }

  // ---------------------------------------------------------------- sidebar and dialogs
  function frameSrc(id) {
    return 'http://' + location.hostname + ':' + state.ucPort + '/frame/' + encodeURIComponent(id);
  }
  // The attributes Apps Script's IFRAME sandbox grants (guides/html/restrictions).
  var SANDBOX = 'allow-downloads allow-forms allow-modals allow-popups allow-popups-to-escape-sandbox allow-same-origin allow-scripts';

  function makeFrame(id, kind, width, height) {
    var f = el('iframe', { src: frameSrc(id), sandbox: SANDBOX, 'data-frame-id': id, title: kind });
    if (width) f.style.width = width + 'px';
    if (height) f.style.height = height + 'px';
    return f;
  }

  function openSidebar(id, title) {
    Object.keys(state.frames).forEach(function (k) {
      if (state.frames[k].kind === 'sidebar') delete state.frames[k];
    });
    var body = $('sidebar-body');
    body.innerHTML = '';
    body.appendChild(makeFrame(id, 'sidebar'));
    $('sidebar-title').textContent = title;
    $('sidebar').hidden = false;
    $('sidebar').setAttribute('data-frame-id', id);
    state.frames[id] = { kind: 'sidebar' };
  }
  function closeSidebar() {
    var id = $('sidebar').getAttribute('data-frame-id');
    $('sidebar').hidden = true;
    $('sidebar-body').innerHTML = '';
    $('sidebar').removeAttribute('data-frame-id');
    if (id) {
      delete state.frames[id];
      post('/api/frame-closed', { id: id });
    }
  }
  $('sidebar-close').addEventListener('click', closeSidebar);

  function openDialog(id, title, width, height, modal) {
    // One dialog at a time, as in Sheets: a new one replaces the open one.
    Array.prototype.forEach.call(document.querySelectorAll('#layer-dialogs .backdrop'), function (b) {
      closeDialog(b.getAttribute('data-frame-id'));
    });
    var back = el('div', { class: 'backdrop ' + (modal ? 'modal' : 'modeless'), 'data-frame-id': id });
    var box = el('div', { class: 'dialog', role: 'dialog', 'aria-modal': String(!!modal), 'aria-label': title });
    var head = el('div', { class: 'dialog-head' });
    head.appendChild(el('div', { class: 'dialog-title' }, title));
    var x = el('button', { class: 'x', title: 'Close', 'aria-label': 'Close dialog' }, '×');
    x.addEventListener('click', function () {
      closeDialog(id);
    });
    head.appendChild(x);
    box.appendChild(head);
    box.appendChild(makeFrame(id, 'dialog', width, height));
    back.appendChild(box);
    $('layer-dialogs').appendChild(back);
    state.frames[id] = { kind: 'dialog' };
  }
  function closeDialog(id) {
    var b = document.querySelector('#layer-dialogs .backdrop[data-frame-id="' + id + '"]');
    if (b) b.remove();
    delete state.frames[id];
    post('/api/frame-closed', { id: id });
  }

  // google.script.host from the add-on's pages (see bridge.js).
  window.addEventListener('message', function (e) {
    var d = e.data;
    if (!d || d.rcl !== 'host') return;
    if (e.origin !== 'http://' + location.hostname + ':' + state.ucPort) return;
    var frame = state.frames[d.frameId];
    if (!frame) return;
    var iframe = document.querySelector('iframe[data-frame-id="' + d.frameId + '"]');
    if (d.op === 'close') {
      if (frame.kind === 'sidebar') closeSidebar();
      else closeDialog(d.frameId);
    } else if (d.op === 'setHeight' && frame.kind === 'dialog' && iframe && d.value > 0) iframe.style.height = d.value + 'px';
    else if (d.op === 'setWidth' && frame.kind === 'dialog' && iframe && d.value > 0) iframe.style.width = d.value + 'px';
    else if (d.op === 'focus') $('grid-wrap').focus();
  });

  // ---------------------------------------------------------------- alerts, prompts, toasts
  var BUTTONS = {
    OK: [['OK', 'OK']],
    OK_CANCEL: [['CANCEL', 'Cancel'], ['OK', 'OK']],
    YES_NO: [['NO', 'No'], ['YES', 'Yes']],
    YES_NO_CANCEL: [['CANCEL', 'Cancel'], ['NO', 'No'], ['YES', 'Yes']],
  };
  function showAsk(id, req, answer) {
    var back = el('div', { class: 'backdrop modal', 'data-ask-id': id });
    var box = el('div', { class: 'ask', role: 'alertdialog', 'aria-modal': 'true', 'aria-label': req.title || 'Alert' });
    if (req.title) box.appendChild(el('h2', null, req.title));
    box.appendChild(el('div', { class: 'ask-text' }, req.prompt));
    var input = null;
    if (req.kind === 'prompt') {
      input = el('input', { type: 'text', 'aria-label': 'Answer' });
      box.appendChild(input);
    }
    var row = el('div', { class: 'buttons' });
    var set = BUTTONS[req.buttons] || BUTTONS.OK;
    set.forEach(function (b, i) {
      var btn = el('button', { type: 'button', 'data-button': b[0], class: i === set.length - 1 ? 'primary' : '' }, b[1]);
      btn.addEventListener('click', function () {
        back.remove();
        answer(b[0], input ? input.value : undefined);
      });
      row.appendChild(btn);
    });
    box.appendChild(row);
    back.appendChild(box);
    $('layer-asks').appendChild(back);
    (input || row.lastChild).focus();
    if (input)
      input.addEventListener('keydown', function (e) {
        if (e.key === 'Enter') row.lastChild.click();
      });
  }

  function toast(title, message, seconds, isError) {
    var t = el('div', { class: 'toast' + (isError ? ' error' : ''), role: isError ? 'alert' : 'status' });
    if (title) t.appendChild(el('div', { class: 'toast-title' }, title));
    t.appendChild(el('div', { class: 'toast-message' }, message));
    var x = el('button', { class: 'x', 'aria-label': 'Dismiss' }, '×');
    x.addEventListener('click', function () {
      t.remove();
    });
    t.appendChild(x);
    $('toasts').appendChild(t);
    // Spreadsheet.toast: a negative timeout keeps the toast until it is closed.
    if (seconds >= 0) setTimeout(function () {
      t.remove();
    }, (seconds || 5) * 1000);
  }

  // ---------------------------------------------------------------- server events
  function onEvent(ev) {
    switch (ev.type) {
      case 'menus':
        state.menus = ev.menus;
        renderMenus();
        break;
      case 'toast':
        toast(ev.title, ev.message, ev.timeoutSeconds, false);
        break;
      // A refresh may already have opened this very page (its state answer came first):
      // opening it again would replace a live iframe.
      case 'sidebar':
        if (!state.frames[ev.id]) openSidebar(ev.id, ev.title);
        break;
      case 'dialog':
        if (!state.frames[ev.id]) openDialog(ev.id, ev.title, ev.width, ev.height, ev.modal);
        break;
      case 'ask':
        if (!document.querySelector('[data-ask-id="' + ev.id + '"]'))
          showAsk(ev.id, ev.request, function (button, text) {
            post('/api/answer', { id: ev.id, button: button, text: text });
          });
        break;
      case 'answered': {
        var a = document.querySelector('[data-ask-id="' + ev.id + '"]');
        if (a) a.remove();
        break;
      }
      case 'error':
        toast('Error', ev.message, -1, true);
        break;
      case 'busy':
        $('busy').hidden = !ev.running;
        break;
      case 'refresh':
        scheduleRefresh();
        break;
      case 'activate':
        // A script activated a sheet or range: after the execution the grid shows that sheet
        // and selects (and scrolls to) the activated cell.
        if (state.sheet !== ev.sheet) {
          state.sheet = ev.sheet;
          state.sel = null;
          $('grid-wrap').scrollTop = 0;
          $('grid-wrap').scrollLeft = 0;
        }
        state.follow = ev.row ? { r: ev.row, c: ev.col } : null;
        scheduleRefresh();
        break;
    }
  }

  var events = new EventSource('/api/events');
  events.onopen = function () {
    scheduleRefresh(); // after a reconnect, catch up with what changed meanwhile
  };
  events.onmessage = function (m) {
    onEvent(JSON.parse(m.data));
  };
  scheduleRefresh(); // queued with the others (onopen schedules one too: they merge)
})();
