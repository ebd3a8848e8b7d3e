// Saved scenarios (已保存方案) in the what-if box: save the current what-if under a name (POST /api/scenarios; an
// existing name is replaced only with the revision read, PUT + If-Match), list them, reopen one into the what-if
// panel (its changes are run again), delete one (If-Match), and compare two: the diff geo-core's ScenarioDiff gives
// (GET /api/scenarios/compare) as a table, with links to export it as CSV or JSON. Writes go through api.sendJson.
import { getJson, sendJson } from './api.js';
import { t, formatNumber } from './i18n/i18n.js';
import { showError } from './notify.js';

export class SavedScenarios {
  /** @param whatIf the what-if panel (its body() is saved, its load() reopens) */
  constructor(whatIf) {
    this.whatIf = whatIf;
    this.saved = [];
    this.section = document.getElementById('saved-scenarios');
    this.nameInput = document.getElementById('scenario-name');
    document.getElementById('scenario-save').addEventListener('click', () => this.save());
    document.getElementById('compare-run').addEventListener('click', () => this.compare());
    this.refresh();
  }

  async refresh() {
    try {
      const answer = await getJson('/api/scenarios');
      this.saved = answer.scenarios;
      this.section.hidden = false;
      this.render();
    } catch (err) {
      // a server without a scenario store has no /api/scenarios: the section stays hidden
      if (err.status === 404) this.section.hidden = true; else showError(err);
    }
  }

  render() {
    const ul = document.getElementById('saved-list');
    ul.innerHTML = '';
    if (this.saved.length === 0) {
      const li = document.createElement('li');
      li.className = 'empty';
      li.textContent = t('scenarioNone');
      ul.appendChild(li);
    }
    this.saved.forEach((s) => {
      const li = document.createElement('li');
      li.dataset.scenario = s.name;
      const label = document.createElement('span');
      label.className = 'saved-name';
      label.textContent = s.name;
      label.title = t('scenarioMeta', { r: s.revision, by: s.savedBy, at: s.savedAt.replace('T', ' ').slice(0, 16), n: s.changes });
      const meta = document.createElement('span');
      meta.className = 'saved-meta';
      meta.textContent = t('scenarioShort', { r: s.revision, n: s.changes });
      const open = button(t('scenarioOpen'), () => this.open(s.name));
      open.dataset.open = s.name;
      const del = button(t('scenarioDelete'), () => this.remove(s));
      del.dataset.delete = s.name;
      li.append(label, meta, open, del);
      ul.appendChild(li);
    });
    ['compare-a', 'compare-b'].forEach((id, k) => {
      const sel = document.getElementById(id);
      const current = sel.value;
      sel.innerHTML = '';
      this.saved.forEach((s) => {
        const o = document.createElement('option');
        o.value = s.name;
        o.textContent = s.name;
        sel.appendChild(o);
      });
      if (this.saved.some((s) => s.name === current)) sel.value = current;
      else if (this.saved.length > k) sel.value = this.saved[k].name;
    });
    document.getElementById('compare-run').disabled = this.saved.length < 2;
  }

  async save() {
    const name = this.nameInput.value.trim();
    if (!name) {
      showError(new Error(t('scenarioNameMissing')));
      this.nameInput.focus();
      return;
    }
    const body = { name, ...this.whatIf.body() };
    try {
      try {
        await sendJson('POST', '/api/scenarios', body);
      } catch (err) {
        if (err.status !== 409 || !window.confirm(t('scenarioOverwrite', { name, r: err.details.revision }))) throw err;
        // replace exactly the revision the planner was shown: a save by someone else meanwhile is a 412
        await sendJson('PUT', path(name), body, { 'If-Match': `"${err.details.revision}"` });
      }
      this.nameInput.value = '';
      await this.refresh();
      document.body.dataset.scenarioSaved = name;
    } catch (err) {
      showError(err);
    }
  }

  async open(name) {
    try {
      const file = await getJson(path(name));
      this.whatIf.load(file.changes);
      this.nameInput.value = name;
      document.body.dataset.scenarioOpened = name;
    } catch (err) {
      showError(err);
    }
  }

  async remove(s) {
    if (!window.confirm(t('scenarioDeleteConfirm', { name: s.name }))) return;
    try {
      await sendJson('DELETE', path(s.name), undefined, { 'If-Match': `"${s.revision}"` });
      await this.refresh();
    } catch (err) {
      showError(err);
      this.refresh();
    }
  }

  async compare() {
    const a = document.getElementById('compare-a').value;
    const b = document.getElementById('compare-b').value;
    const out = document.getElementById('compare-result');
    out.textContent = t('scenarioComparing');
    try {
      const doc = await getJson('/api/scenarios/compare', { a, b });
      out.innerHTML = '';
      out.append(diffTable(doc.diff));
      const links = document.createElement('div');
      links.className = 'compare-links';
      const q = new URLSearchParams({ a, b });
      links.append(link(t('scenarioExport'), `/api/scenarios/compare?${q}&format=csv`, 'compare-export'),
        link('JSON', `/api/scenarios/compare?${q}&format=json`, 'compare-export-json'));
      out.append(links);
      document.body.dataset.compared = `${a}|${b}`;
    } catch (err) {
      out.textContent = '';
      showError(err);
    }
  }
}

function path(name) {
  return `/api/scenarios/${encodeURIComponent(name)}`;
}

function button(text, onClick) {
  const b = document.createElement('button');
  b.type = 'button';
  b.className = 'link-button';
  b.textContent = text;
  b.addEventListener('click', onClick);
  return b;
}

function link(text, href, id) {
  const a = document.createElement('a');
  a.id = id;
  a.href = href;
  a.textContent = text;
  a.setAttribute('download', '');
  return a;
}

function signed(v, digits = 0) {
  if (v === null || v === undefined) return t('noData');
  return (v > 0 ? '+' : v < 0 ? '−' : '±') + formatNumber(Math.abs(v), digits);
}

function pct(v) {
  return v === null || v === undefined ? t('noData') : `${formatNumber(v * 100, 1)}%`;
}

/** The total and every unit whose coverage or beds changed: covered elderly and share before → after, beds. */
function diffTable(d) {
  const table = document.createElement('table');
  table.className = 'compare-table';
  table.createCaption().textContent = t('scenarioDiffCaption', { a: d.before, b: d.after });
  const head = table.createTHead().insertRow();
  [t('scenarioUnit'), t('scenarioCovered'), 'Δ', t('scenarioShare'), t('scenarioBeds')].forEach((text) => {
    const th = document.createElement('th');
    th.textContent = text;
    head.appendChild(th);
  });
  const body = document.createElement('tbody');
  const rows = [{ ...d.total, name: t('scenarioTotal'), code: 'total' }]
    .concat(d.units.filter((u) => u.deltaElderlyCovered !== 0 || u.deltaBeds !== 0));
  rows.forEach((u) => {
    const tr = document.createElement('tr');
    tr.dataset.unit = u.code;
    [u.name, `${formatNumber(u.elderlyCoveredBefore)} → ${formatNumber(u.elderlyCoveredAfter)}`,
      signed(u.deltaElderlyCovered), `${pct(u.coveredShareBefore)} → ${pct(u.coveredShareAfter)}`,
      signed(u.deltaBeds)].forEach((text) => {
      const td = document.createElement('td');
      td.textContent = text;
      tr.appendChild(td);
    });
    body.appendChild(tr);
  });
  table.appendChild(body);
  return table;
}
