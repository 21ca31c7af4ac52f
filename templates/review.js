// The review page's script: draws the cards the server sends as JSON, keeps
// the teacher's decisions and edits in memory (with undo), and sends the
// changed cards back on save. Card text is only ever set with textContent.
(function () {
  'use strict';
  var token = document.body.dataset.token;
  var BATCH = 60;
  var data = null;          // { facts, cards, conflicts, titles }
  var orig = [];            // each card's editable state as last saved
  var visible = [];         // indices of the cards the filters keep
  var shown = 0;            // how many of `visible` are drawn
  var cur = -1;             // position in `visible` of the current card
  var undo = [];            // groups of { i, state } to restore
  var editing = -1;         // card index being edited, or -1
  var editSnap = null;      // its state when the edit began
  var diskChanged = false;

  var $ = function (id) { return document.getElementById(id); };
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = text;
    return e;
  }
  function api(path) { return path + (path.indexOf('?') < 0 ? '?' : '&') + 'token=' + token; }
  function post(path, body) {
    return fetch(api(path), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Factdeck-Token': token },
      body: JSON.stringify(body)
    });
  }

  function state(c) {
    return { dropped: c.dropped, prompt: c.prompt, answer: c.answer,
             options: c.options.slice(), accepted: c.accepted.slice() };
  }
  function same(a, b) { return JSON.stringify(a) === JSON.stringify(b); }
  function restore(c, s) {
    c.dropped = s.dropped; c.prompt = s.prompt; c.answer = s.answer;
    c.options = s.options.slice(); c.accepted = s.accepted.slice();
  }
  function dirtyCards() {
    var out = [];
    data.cards.forEach(function (c, i) { if (!same(state(c), orig[i])) out.push(i); });
    return out;
  }

  // ---- drawing -------------------------------------------------------------

  function docLabel(doc) { return data.titles[doc] || doc; }

  function promptNode(text) {
    var p = el('p', 'prompt');
    var parts = text.split(/(_{3,})/);
    parts.forEach(function (part) {
      if (/^_{3,}$/.test(part)) p.appendChild(el('span', 'blank', '\u00a0'));
      else if (part) p.appendChild(document.createTextNode(part));
    });
    return p;
  }

  function drawCard(i) {
    var c = data.cards[i];
    var a = el('article', 'card');
    a.dataset.i = i;
    a.dataset.id = c.id;
    a.id = 'card-' + i;
    fillCard(a, c, i);
    return a;
  }

  function fillCard(a, c, i) {
    a.textContent = '';
    a.classList.toggle('dropped', c.dropped);
    a.classList.toggle('changed', !same(state(c), orig[i]));
    var meta = el('div', 'meta');
    meta.appendChild(el('span', 'type', c.type.replace('_', ' ')));
    meta.appendChild(el('span', 'kind', c.kind));
    c.flags.forEach(function (f) { meta.appendChild(el('span', 'flag flag-' + f, f.replace('_', ' '))); });
    if (c.dropped) meta.appendChild(el('span', 'state', 'dropped'));
    a.appendChild(meta);

    var faces = el('div', 'faces');
    var front = el('div', 'face front');
    front.appendChild(promptNode(c.prompt));
    if (c.hint) front.appendChild(el('p', 'hint', '(' + c.hint + ')'));
    if (c.options.length) {
      var ol = el('ol', 'options');
      c.options.forEach(function (o) {
        var li = el('li', o === c.answer ? 'right' : '', o);
        ol.appendChild(li);
      });
      front.appendChild(ol);
    }
    faces.appendChild(front);
    var back = el('div', 'face back');
    var ans = el('p', 'answer');
    ans.appendChild(el('span', 'label', 'Answer '));
    ans.appendChild(el('strong', '', c.answer));
    back.appendChild(ans);
    if (c.accepted.length) back.appendChild(el('p', 'accepted', 'Also accepted: ' + c.accepted.join(' · ')));
    if (c.explanation) back.appendChild(el('p', 'explanation', c.explanation));
    faces.appendChild(back);
    a.appendChild(faces);

    var src = el('figure', 'source');
    src.appendChild(el('blockquote', '', c.sentence));
    src.appendChild(el('figcaption', '', docLabel(c.doc) + ' — ' + c.doc + ', line ' + c.line));
    a.appendChild(src);

    if (c.fact !== null) {
      var others = data.facts[c.fact].cards.filter(function (j) { return j !== i; });
      if (others.length) {
        var o = el('div', 'others');
        o.appendChild(el('span', 'label', 'Same fact: '));
        others.forEach(function (j) {
          var b = el('button', 'sibling' + (data.cards[j].dropped ? ' dropped' : ''),
                     data.cards[j].type.replace('_', ' '));
          b.type = 'button';
          b.title = data.cards[j].prompt;
          b.dataset.goto = j;
          o.appendChild(b);
        });
        a.appendChild(o);
      }
    }

    var bar = el('div', 'buttons');
    var keep = el('button', 'keep', c.dropped ? 'Keep' : 'Drop');
    keep.type = 'button';
    keep.dataset.act = 'toggle';
    keep.title = c.dropped ? 'Keep this card (a)' : 'Drop this card (d)';
    bar.appendChild(keep);
    var ed = el('button', 'edit-btn', editing === i ? 'Done' : 'Edit');
    ed.type = 'button';
    ed.dataset.act = 'edit';
    bar.appendChild(ed);
    a.appendChild(bar);
    if (editing === i) a.appendChild(editForm(c, i));
  }

  function editForm(c, i) {
    var f = el('div', 'edit');
    function field(name, label, value, multi) {
      var l = el('label', 'field');
      l.appendChild(el('span', '', label));
      var input = multi ? el('textarea') : el('input');
      if (!multi) input.type = 'text';
      input.name = name;
      input.value = value;
      if (multi) input.rows = name === 'prompt' ? 3 : Math.max(2, value.split('\n').length);
      l.appendChild(input);
      f.appendChild(l);
      return input;
    }
    field('prompt', 'Prompt', c.prompt, true);
    field('answer', 'Answer', c.answer, false);
    if (c.options.length || c.type === 'multiple_choice' || c.type === 'who_said' || c.type === 'true_false') {
      field('options', 'Options (one a line)', c.options.join('\n'), true);
    }
    field('accepted', 'Also accepted (one a line)', c.accepted.join('\n'), true);
    var probs = el('ul', 'problems');
    probs.setAttribute('aria-live', 'polite');
    f.appendChild(probs);
    f.addEventListener('input', function (ev) { onEdit(i, f, ev.target); });
    return f;
  }

  var validateTimer = null;
  function onEdit(i, form, target) {
    var c = data.cards[i];
    if (editSnap === null) { editSnap = state(c); undo.push([{ i: i, state: editSnap }]); }
    var lines = function (s) { return s.split('\n'); };
    if (target.name === 'prompt') c.prompt = target.value;
    if (target.name === 'answer') c.answer = target.value;
    if (target.name === 'options') c.options = lines(target.value);
    if (target.name === 'accepted') c.accepted = lines(target.value).filter(function (s) { return s.trim(); });
    if (target.name === 'options') c.options = c.options.filter(function (s) { return s.trim(); });
    // Redraw the preview only, so the fields keep focus.
    var a = form.parentNode;
    var preview = drawCard(i);
    a.replaceChild(preview.querySelector('.faces'), a.querySelector('.faces'));
    a.classList.toggle('changed', !same(state(c), orig[i]));
    updateCounts();
    clearTimeout(validateTimer);
    validateTimer = setTimeout(function () { validate(i, form); }, 120);
  }

  function validate(i, form) {
    var c = data.cards[i];
    var body = edit(i);
    post('/api/validate', body).then(function (r) { return r.json(); }).then(function (res) {
      var ul = form.querySelector('.problems');
      if (!ul) return;
      ul.textContent = '';
      (res.problems || (res.error ? [res.error] : [])).forEach(function (p) { ul.appendChild(el('li', '', p)); });
      form.classList.toggle('invalid', ul.childNodes.length > 0);
      if (res.flags) {
        var keep = c.flags.filter(function (f) { return f === 'duplicate' || f === 'conflict'; });
        c.flags = res.flags.concat(keep);
      }
    }).catch(function () {});
  }

  function edit(i) {
    var c = data.cards[i];
    return { index: i, id: c.id, dropped: c.dropped, prompt: c.prompt, answer: c.answer,
             options: c.options, accepted: c.accepted };
  }

  function redraw(i) {
    var a = $('card-' + i);
    if (a) { fillCard(a, data.cards[i], i); markCurrent(); }
  }

  // ---- filters and the list ------------------------------------------------

  function applyFilters() {
    var doc = $('f-doc').value, kind = $('f-kind').value, type = $('f-type').value;
    var flag = $('f-flag').value, st = $('f-state').value;
    var text = $('f-text').value.trim().toLowerCase();
    var cur_i = cur >= 0 ? visible[cur] : -1;
    visible = [];
    data.cards.forEach(function (c, i) {
      if (doc && c.doc !== doc) return;
      if (kind && c.kind !== kind) return;
      if (type && c.type !== type) return;
      if (flag === '-' && c.flags.length) return;
      if (flag && flag !== '-' && c.flags.indexOf(flag) < 0) return;
      if (st === 'kept' && c.dropped) return;
      if (st === 'dropped' && !c.dropped) return;
      if (text && (c.prompt + '\n' + c.answer + '\n' + c.sentence + '\n' + c.options.join('\n'))
            .toLowerCase().indexOf(text) < 0) return;
      visible.push(i);
    });
    cur = visible.indexOf(cur_i);
    if (cur < 0 && visible.length) cur = 0;
    $('cards').textContent = '';
    shown = 0;
    drawMore();
    $('loading').hidden = visible.length > 0;
    $('loading').textContent = 'No card matches these filters.';
    updateCounts();
    markCurrent();
  }

  function drawMore(upTo) {
    var end = Math.min(visible.length, Math.max(shown + BATCH, upTo || 0));
    var frag = document.createDocumentFragment();
    for (; shown < end; shown++) frag.appendChild(drawCard(visible[shown]));
    $('cards').appendChild(frag);
  }

  function updateCounts() {
    var dropped = 0;
    data.cards.forEach(function (c) { if (c.dropped) dropped++; });
    var dirty = dirtyCards().length;
    $('counts').textContent = (data.cards.length - dropped) + ' kept · ' + dropped + ' dropped · ' +
      visible.length + ' shown' + (dirty ? ' · ' + dirty + ' unsaved' : '');
    $('save').disabled = dirty === 0 || diskChanged;
    $('undo').disabled = undo.length === 0;
  }

  function markCurrent() {
    var old = document.querySelector('.card.current');
    if (old) old.classList.remove('current');
    if (cur < 0 || cur >= visible.length) return;
    var a = $('card-' + visible[cur]);
    if (a) a.classList.add('current');
  }

  function goTo(pos) {
    if (!visible.length) return;
    cur = Math.max(0, Math.min(visible.length - 1, pos));
    if (cur >= shown) drawMore(cur + 1);
    markCurrent();
    var a = $('card-' + visible[cur]);
    if (a) a.scrollIntoView({ block: 'nearest' });
  }

  // ---- actions -------------------------------------------------------------

  function setDropped(i, dropped) {
    var c = data.cards[i];
    if (c.dropped === dropped) return;
    undo.push([{ i: i, state: state(c) }]);
    c.dropped = dropped;
    redraw(i);
    drawConflicts();
    updateCounts();
  }

  function toggleEdit(i) {
    var was = editing;
    editing = editing === i ? -1 : i;
    editSnap = null;
    if (was >= 0) redraw(was);
    if (editing >= 0) {
      redraw(editing);
      var a = $('card-' + editing);
      var first = a && a.querySelector('.edit textarea, .edit input');
      if (first) first.focus();
      if (a) validate(editing, a.querySelector('.edit'));
    }
  }

  function undoLast() {
    var group = undo.pop();
    if (!group) return;
    group.forEach(function (u) { restore(data.cards[u.i], u.state); });
    editSnap = null;
    group.forEach(function (u) { redraw(u.i); });
    drawConflicts();
    updateCounts();
    say('Undone.');
  }

  function say(msg, bad) {
    var s = $('status');
    s.textContent = msg;
    s.classList.toggle('bad', !!bad);
  }

  function save() {
    var dirty = dirtyCards();
    if (!dirty.length) { say('Nothing to save.'); return Promise.resolve(true); }
    if (diskChanged) { say('The file changed on disk: reload before saving.', true); return Promise.resolve(false); }
    say('Saving…');
    var t0 = performance.now();
    return post('/api/save', dirty.map(edit)).then(function (r) {
      return r.json().then(function (res) { return { status: r.status, res: res }; });
    }).then(function (x) {
      if (x.status === 200) {
        dirty.forEach(function (i) { orig[i] = state(data.cards[i]); });
        dirty.forEach(redraw);
        say('Saved ' + x.res.saved + ' (' + x.res.kept + ' kept, ' + x.res.dropped + ' dropped) in ' +
            Math.round(performance.now() - t0) + ' ms.');
        document.body.dataset.saved = String(Date.now());
        updateCounts();
        return true;
      }
      if (x.status === 409) showDiskChanged(x.res.error);
      var msg = x.res.error || 'Save failed.';
      if (x.res.problems) msg += ': ' + x.res.problems.slice(0, 5).join('; ');
      say(msg, true);
      return false;
    }).catch(function (e) { say('Save failed: ' + e, true); return false; });
  }

  function showDiskChanged(msg) {
    diskChanged = true;
    var b = $('disk');
    b.textContent = '';
    b.appendChild(el('span', '', msg || 'The deck file changed on disk since this page loaded it (another editor?). ' +
      'Saving is off so nothing is overwritten.'));
    var r = el('button', '', 'Reload from disk');
    r.type = 'button';
    r.addEventListener('click', function () { location.reload(); });
    b.appendChild(r);
    b.hidden = false;
    updateCounts();
  }

  function pollDisk() {
    if (diskChanged) return;
    fetch(api('/api/status')).then(function (r) { return r.json(); }).then(function (s) {
      if (s.changed_on_disk) showDiskChanged();
    }).catch(function () {});
  }

  // ---- conflicts -------------------------------------------------------------

  function keptOf(f) {
    return data.facts[f].cards.filter(function (j) { return !data.cards[j].dropped; }).length;
  }

  function drawConflicts() {
    $('conflicts').hidden = !data.conflicts.length;
    if (!data.conflicts.length) return;
    var list = $('conflict-list');
    list.textContent = '';
    data.conflicts.forEach(function (cf, n) {
      var box = el('div', 'conflict');
      var head = el('p', 'subject');
      head.appendChild(el('strong', '', cf.subject));
      head.appendChild(document.createTextNode(' (' + cf.kind + ') — ' + cf.note));
      box.appendChild(head);
      var live = cf.facts.filter(function (f) { return keptOf(f) > 0; });
      var row = el('div', 'sides');
      cf.facts.forEach(function (f) {
        var fact = data.facts[f];
        var side = el('div', 'choice' + (live.length === 1 && live[0] === f ? ' chosen' : ''));
        side.appendChild(el('p', 'value', fact.text));
        side.appendChild(el('blockquote', '', fact.sentence));
        side.appendChild(el('p', 'where', fact.sources.join(', ')));
        side.appendChild(el('p', 'kept', fact.cards.length ? keptOf(f) + ' of ' + fact.cards.length + ' cards kept'
          : 'no cards yet: choosing this value makes them'));
        var b = el('button', '', live.length === 1 && live[0] === f ? 'Chosen' : 'Use this value');
        b.type = 'button';
        b.dataset.conflict = n;
        b.dataset.fact = f;
        side.appendChild(b);
        row.appendChild(side);
      });
      box.appendChild(row);
      list.appendChild(box);
    });
  }

  // Choosing a value is saved at once (the server may make the chosen fact's
  // cards: a disputed fact has none), then the deck is read again.
  function choose(n, chosen) {
    save().then(function (ok) {
      if (!ok) return;
      say('Resolving…');
      post('/api/resolve', { conflict: n, fact: data.facts[chosen].id }).then(function (r) {
        return r.json().then(function (res) { return { status: r.status, res: res }; });
      }).then(function (x) {
        if (x.status !== 200) {
          if (x.status === 409) showDiskChanged(x.res.error);
          say(x.res.error || 'Could not resolve the conflict.', true);
          return;
        }
        var value = data.facts[chosen].text;
        return load().then(function () {
          say('Resolved and saved: kept ' + value + (x.res.made ? ', made ' + x.res.made + ' cards for it' : '') +
              '. Undo does not go back past this.');
        });
      });
    });
  }

  // ---- events ----------------------------------------------------------------

  function cardIndexOf(node) {
    var a = node.closest && node.closest('.card');
    return a ? Number(a.dataset.i) : -1;
  }

  $('cards').addEventListener('click', function (ev) {
    var i = cardIndexOf(ev.target);
    if (i < 0) return;
    var pos = visible.indexOf(i);
    if (pos >= 0 && pos !== cur) { cur = pos; markCurrent(); }
    var act = ev.target.dataset && ev.target.dataset.act;
    if (act === 'toggle') setDropped(i, !data.cards[i].dropped);
    if (act === 'edit') toggleEdit(i);
    if (ev.target.dataset && ev.target.dataset.goto !== undefined) {
      var j = Number(ev.target.dataset.goto);
      var p = visible.indexOf(j);
      if (p >= 0) goTo(p); else say('That card is hidden by the filters.');
    }
  });
  $('conflict-list').addEventListener('click', function (ev) {
    var d = ev.target.dataset;
    if (d && d.conflict !== undefined) choose(Number(d.conflict), Number(d.fact));
  });
  ['f-doc', 'f-kind', 'f-type', 'f-flag', 'f-state'].forEach(function (id) {
    $(id).addEventListener('change', applyFilters);
  });
  var textTimer = null;
  $('f-text').addEventListener('input', function () {
    clearTimeout(textTimer);
    textTimer = setTimeout(applyFilters, 150);
  });
  $('save').addEventListener('click', save);
  $('undo').addEventListener('click', undoLast);
  document.querySelectorAll('a.export').forEach(function (a) {
    a.addEventListener('click', function (ev) {
      if (!dirtyCards().length) return;
      ev.preventDefault();
      save().then(function (ok) { if (ok) location.href = a.href; });
    });
  });
  window.addEventListener('beforeunload', function (ev) {
    if (data && dirtyCards().length && !diskChanged) { ev.preventDefault(); ev.returnValue = ''; }
  });

  document.addEventListener('keydown', function (ev) {
    var typing = /^(INPUT|TEXTAREA|SELECT)$/.test(ev.target.tagName);
    var ctrl = ev.ctrlKey || ev.metaKey;
    if (ctrl && ev.key === 's') { ev.preventDefault(); save(); return; }
    if (ev.key === 'Escape') {
      if (editing >= 0) { var i = editing; toggleEdit(editing); var a = $('card-' + i); if (a) a.focus(); }
      if (typing) ev.target.blur();
      return;
    }
    if (typing || !data) return;
    if (ctrl && ev.key === 'z') { ev.preventDefault(); undoLast(); return; }
    if (ctrl || ev.altKey) return;
    var i = cur >= 0 ? visible[cur] : -1;
    switch (ev.key) {
      case 'j': case 'ArrowDown': goTo(cur + 1); break;
      case 'k': case 'ArrowUp': goTo(cur - 1); break;
      case 'd': if (i >= 0) setDropped(i, true); break;
      case 'a': if (i >= 0) setDropped(i, false); break;
      case 'x': case ' ': if (i >= 0) setDropped(i, !data.cards[i].dropped); break;
      case 'e': case 'Enter': if (i >= 0) toggleEdit(i); break;
      case 'u': undoLast(); break;
      case 's': save(); break;
      case '/': $('f-text').focus(); break;
      default: return;
    }
    ev.preventDefault();
  });

  // Draw more cards as the end of the list comes into view.
  new IntersectionObserver(function (entries) {
    if (entries[0].isIntersecting && data && shown < visible.length) drawMore();
  }, { rootMargin: '800px' }).observe($('more'));

  function load() {
    return fetch(api('/api/deck')).then(function (r) {
      if (!r.ok) throw new Error('HTTP ' + r.status);
      return r.json();
    }).then(function (d) {
      data = d;
      orig = data.cards.map(state);
      undo = [];
      editing = -1;
      editSnap = null;
      applyFilters();
      drawConflicts();
    });
  }

  load().then(function () {
    document.body.dataset.ready = '1';
    // Milliseconds from navigation to the first cards on screen (benchmarks read it).
    document.body.dataset.firstCardsMs = String(Math.round(performance.now()));
    setInterval(pollDisk, 3000);
  }).catch(function (e) {
    $('loading').textContent = 'Could not load the deck: ' + e.message;
  });
})();
