// What-if mode: click the map to place a hypothetical facility of the chosen kind, drag it or an existing facility,
// or close one; every change is sent to /api/what-if as a scenario change (the whole list each time: the server keeps
// no state; the same change types and keys as a scenario file), and the circles of the added and moved facilities,
// the KPIs and their change against the baseline (the scenario's diff) are redrawn. "Save as scenario" downloads the
// scenario file (/api/what-if/scenario) for `planner scenario run`.
import * as L from 'leaflet';
import { postJson, postForText } from './api.js';
import { t, kindName } from './i18n/i18n.js';
import { showError } from './notify.js';
import { pathStyle, KIND_COLORS } from './layers/styles.js';
import { popupHtml, setFacilityActions } from './layers/popups.js';

const ADDABLE = ['day-care-centre', 'service-station', 'comprehensive-centre', 'rural-mutual-aid', 'canteen',
  'activity-centre', 'embedded-institution', 'regional-centre'];

export class WhatIf {
  /**
   * @param map      the Leaflet map
   * @param onAnswer called with the server's answer (or null after a reset)
   */
  constructor(map, onAnswer) {
    this.map = map;
    this.onAnswer = onAnswer;
    this.active = false;
    this.changes = [];       // [{op, kind?, id?, lon, lat, name?}]
    this.seq = 0;
    map.createPane('whatif');
    map.getPane('whatif').style.zIndex = 630;
    this.circles = L.geoJSON(null, {
      pane: 'circles',
      style: (f) => ({ ...pathStyle('what-if-circles', f), color: '#d9480f', weight: 1.5, dashArray: '5 3' }),
      onEachFeature: (f, layer) => layer.bindPopup(() => popupHtml('what-if-circles', f)),
    }).addTo(map);
    this.markers = L.layerGroup().addTo(map);
    this.button = document.getElementById('whatif-toggle');
    this.kind = document.getElementById('whatif-kind');
    this.box = document.getElementById('whatif-box');
    this.renderKinds();
    this.button.addEventListener('click', () => this.setActive(!this.active));
    document.getElementById('whatif-reset').addEventListener('click', () => this.reset());
    document.getElementById('whatif-save').addEventListener('click', () => this.save());
    // Leaflet fires the map's click only where no layer is clicked; a planner clicks wherever the place is, on a
    // community, a circle or a road, so the container's own click is used. Facilities, markers, popups and controls
    // keep their clicks, and a drag of the map is not a click.
    const container = map.getContainer();
    let down = null;
    container.addEventListener('mousedown', (ev) => { down = [ev.clientX, ev.clientY]; }, true);
    container.addEventListener('click', (ev) => {
      if (!this.active || !down || Math.hypot(ev.clientX - down[0], ev.clientY - down[1]) > 4) return;
      if (ev.target.closest('.leaflet-control, .leaflet-popup, .leaflet-marker-icon, .leaflet-points-pane')) return;
      this.add(map.mouseEventToLatLng(ev));
    });
    setFacilityActions((f) => (this.active
      ? `<div class="popup-actions"><button type="button" class="btn btn-small" data-whatif-move="${f.id}">${t('whatIfMove')}</button>`
        + `<button type="button" class="btn btn-small btn-danger" data-whatif-close="${f.id}">${t('whatIfClose')}</button></div>`
      : ''));
    document.addEventListener('click', (ev) => {
      const close = ev.target.closest('[data-whatif-close]');
      const move = ev.target.closest('[data-whatif-move]');
      if (close) this.close(close.dataset.whatifClose);
      if (move) this.startMove(move.dataset.whatifMove);
    });
  }

  /** The facilities layer's features, to find an existing facility's position and name. */
  setFacilities(lookup) {
    this.lookup = lookup;
  }

  renderKinds() {
    const current = this.kind.value;
    this.kind.innerHTML = '';
    ADDABLE.forEach((k) => {
      const o = document.createElement('option');
      o.value = k;
      o.textContent = kindName(k, t(`kindsZh.${k}`));
      this.kind.appendChild(o);
    });
    this.kind.value = current || 'day-care-centre';
  }

  setActive(on) {
    this.active = on;
    this.button.classList.toggle('active', on);
    this.button.setAttribute('aria-pressed', String(on));
    document.body.classList.toggle('whatif-mode', on);
    this.box.hidden = !on && this.changes.length === 0;
    this.map.closePopup();
    this.renderList();
  }

  add(latlng) {
    // the click also reached the layer under it (a community, a circle): its popup is not what the planner wanted
    setTimeout(() => this.map.closePopup(), 0);
    const kind = this.kind.value;
    this.changes.push({ op: 'add', kind, lon: round(latlng.lng), lat: round(latlng.lat) });
    this.run();
  }

  close(id) {
    this.changes = this.changes.filter((c) => c.id !== id);
    this.changes.push({ op: 'close', id });
    this.map.closePopup();
    this.run();
  }

  /** An existing facility becomes a draggable marker; dropping it records the move. */
  startMove(id) {
    const f = this.lookup && this.lookup(id);
    this.map.closePopup();
    if (!f) return;
    const [lon, lat] = f.geometry.coordinates;
    const existing = this.changes.find((c) => c.id === id && c.op === 'move');
    if (!existing) this.changes.push({ op: 'move', id, lon, lat, name: f.properties.name, kind: f.properties.kind });
    this.renderMarkers();
    this.renderList();
  }

  reset() {
    this.changes = [];
    this.seq++;
    this.circles.clearLayers();
    this.markers.clearLayers();
    this.onAnswer(null);
    this.renderList();
    this.box.hidden = !this.active;
    document.body.dataset.whatif = 'reset';
  }

  renderMarkers() {
    this.markers.clearLayers();
    this.changes.forEach((c, i) => {
      if (c.op === 'other') return;
      if (c.op === 'close') {
        const f = this.lookup && this.lookup(c.id);
        if (!f) return;
        const [lon, lat] = f.geometry.coordinates;
        L.marker([lat, lon], {
          pane: 'whatif', interactive: false,
          icon: L.divIcon({ className: 'whatif-closed', html: '×', iconSize: [18, 18] }),
        }).addTo(this.markers);
        return;
      }
      const m = L.marker([c.lat, c.lon], {
        pane: 'whatif',
        draggable: true,
        autoPan: true,
        title: c.name || kindName(c.kind, t(`kindsZh.${c.kind}`)),
        icon: L.divIcon({
          className: `whatif-marker ${c.op}`,
          html: `<span style="background:${KIND_COLORS[c.kind] || '#d9480f'}"></span>`,
          iconSize: [22, 22],
        }),
      }).addTo(this.markers);
      m.on('dragend', () => {
        const p = m.getLatLng();
        this.changes[i] = { ...c, lon: round(p.lng), lat: round(p.lat) };
        this.run();
      });
    });
  }

  renderList() {
    const ul = document.getElementById('whatif-changes');
    ul.innerHTML = '';
    if (this.changes.length === 0) {
      const li = document.createElement('li');
      li.className = 'empty';
      li.textContent = this.active ? t('whatIfHint') : t('none');
      ul.appendChild(li);
    }
    this.changes.forEach((c, i) => {
      const li = document.createElement('li');
      const label = document.createElement('span');
      const name = c.op === 'add' ? kindName(c.kind, t(`kindsZh.${c.kind}`)) : (c.name || (this.lookup && this.lookup(c.id) ? this.lookup(c.id).properties.name : c.id));
      label.textContent = c.op === 'other' ? `${c.change.type} · ${c.name}` : `${t(`whatIfOp.${c.op}`)} · ${name}`;
      const undo = document.createElement('button');
      undo.type = 'button';
      undo.className = 'link-button';
      undo.textContent = t('whatIfUndo');
      undo.addEventListener('click', () => {
        this.changes.splice(i, 1);
        if (this.changes.length === 0) this.reset(); else this.run();
      });
      li.append(label, undo);
      ul.appendChild(li);
    });
  }

  async run() {
    const seq = ++this.seq;
    this.renderMarkers();
    this.renderList();
    this.box.hidden = false;
    const body = this.body();
    const started = performance.now();
    try {
      const answer = await postJson('/api/what-if', body);
      if (seq !== this.seq) return;
      this.circles.clearLayers();
      answer.circles.features.sort((a, b) => b.properties.minutes - a.properties.minutes);
      this.circles.addData(answer.circles);
      const top = answer.units.find((u) => !u.parentCode) || answer.units[0];
      const change = answer.diff.total.deltaElderlyCovered || 0;
      document.getElementById('whatif-summary').textContent = top
        ? t('whatIfSummary', { name: top.name, m: answer.serviceMinutes, n: (change >= 0 ? '+' : '−') + Math.abs(Math.round(change)).toLocaleString(), ms: Math.round(performance.now() - started), server: answer.millis })
        : '';
      const off = answer.changes.filter((c) => c.onNetwork === false);
      if (off.length) showError(new Error(t('whatIfOffNetwork', { n: off.length })));
      this.onAnswer(answer);
      document.body.dataset.whatif = String(seq);
    } catch (err) {
      showError(err);
    }
  }

  /** The request: the changes as scenario changes (scenario-file types and keys). */
  body() {
    return {
      changes: this.changes.map((c) => (c.op === 'add'
        ? { type: 'add-facility', kind: c.kind, lon: c.lon, lat: c.lat }
        : c.op === 'move' ? { type: 'move-facility', id: c.id, lon: c.lon, lat: c.lat }
          : c.op === 'close' ? { type: 'close-facility', id: c.id } : c.change)),
    };
  }

  /**
   * Loads a saved scenario's changes (scenario-file types and keys) into the panel and runs it: additions, moves
   * and closures become markers that can be dragged and undone; other types (resize, districts, population,
   * profile values) are kept as they are and listed by type.
   */
  load(changes) {
    this.changes = changes.map((c) => {
      if (c.type === 'add-facility') return { op: 'add', kind: c.kind, lon: c.lon, lat: c.lat };
      if (c.type === 'move-facility') {
        const f = this.lookup && this.lookup(c.id);
        return { op: 'move', id: c.id, lon: c.lon, lat: c.lat, name: f && f.properties.name, kind: f && f.properties.kind };
      }
      if (c.type === 'close-facility') return { op: 'close', id: c.id };
      return { op: 'other', change: c, name: c.id || c.rule || c.unitCode || '' };
    });
    if (!this.active) this.setActive(true);
    if (this.changes.length === 0) this.reset(); else this.run();
  }

  /** Downloads the current what-if as a scenario file (what-if.json). */
  async save() {
    try {
      const text = await postForText('/api/what-if/scenario', this.body());
      const a = document.createElement('a');
      a.href = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
      a.download = 'what-if.json';
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(a.href), 0);
      document.body.dataset.whatifSaved = String(text.length);
    } catch (err) {
      showError(err);
    }
  }
}

function round(v) {
  return Math.round(v * 1e6) / 1e6;
}
