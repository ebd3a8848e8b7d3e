// District check: draw a polygon (leaflet-draw), enter households, status and site areas, and get the floor-area
// verdict (每百户配建面积) with the rules and their clauses from /api/district-check.
import * as L from 'leaflet';
import { postJson } from './api.js';
import { t, formatNumber, language } from './i18n/i18n.js';
import { showError } from './notify.js';
import { VERDICT_COLORS } from './layers/styles.js';

/**
 * leaflet-draw 1.0 is a classic script that extends a global L; the page uses Leaflet as an ES module, so a mutable
 * copy of the module's namespace is published as window.L before the script is loaded (the classes are shared).
 */
function loadLeafletDraw() {
  if (window.L && window.L.Draw) return Promise.resolve(window.L);
  window.L = { ...L };
  return new Promise((resolve, reject) => {
    const s = document.createElement('script');
    s.src = '/webjars/leaflet-draw/1.0.2/dist/leaflet.draw.js';
    s.onload = () => resolve(window.L);
    s.onerror = () => reject(new Error('leaflet-draw could not be loaded'));
    document.head.appendChild(s);
  });
}

export class DistrictCheck {
  constructor(map) {
    this.map = map;
    this.drawn = L.featureGroup().addTo(map);
    this.geometry = null;
    this.box = document.getElementById('district-box');
    this.form = document.getElementById('district-form');
    document.getElementById('district-toggle').addEventListener('click', () => this.start());
    document.getElementById('district-draw').addEventListener('click', () => this.draw());
    document.getElementById('district-cancel').addEventListener('click', () => this.stop());
    this.form.addEventListener('submit', (ev) => {
      ev.preventDefault();
      this.submit();
    });
  }

  start() {
    this.box.hidden = false;
    document.getElementById('district-toggle').classList.add('active');
    this.box.scrollIntoView({ block: 'nearest' });
    this.draw();
  }

  stop() {
    if (this.handler) this.handler.disable();
    this.drawn.clearLayers();
    this.geometry = null;
    this.box.hidden = true;
    document.getElementById('district-toggle').classList.remove('active');
    document.getElementById('district-result').innerHTML = '';
    this.updateShape();
  }

  async draw() {
    try {
      const LD = await loadLeafletDraw();
      if (this.handler) this.handler.disable();
      this.handler = new LD.Draw.Polygon(this.map, {
        showArea: false,
        allowIntersection: false,
        shapeOptions: { color: '#1c7ed6', weight: 2, fillOpacity: 0.25 },
      });
      this.map.off('draw:created');
      this.map.on('draw:created', (ev) => {
        this.drawn.clearLayers();
        this.drawn.addLayer(ev.layer);
        this.geometry = ev.layer.toGeoJSON().geometry;
        this.updateShape();
      });
      this.handler.enable();
      document.getElementById('district-shape').textContent = t('districtDrawHint');
    } catch (err) {
      showError(err);
    }
  }

  /** Uses a polygon given as GeoJSON instead of drawing one (the same as finishing a drawing). */
  setGeometry(geometry) {
    this.drawn.clearLayers();
    L.geoJSON(geometry, { style: { color: '#1c7ed6', weight: 2, fillOpacity: 0.25 } }).eachLayer((l) => this.drawn.addLayer(l));
    this.geometry = geometry;
    this.updateShape();
  }

  updateShape() {
    const n = this.geometry ? this.geometry.coordinates[0].length - 1 : 0;
    document.getElementById('district-shape').textContent = this.geometry ? t('districtDrawn', { n }) : t('districtNoShape');
  }

  async submit() {
    const households = Number(document.getElementById('district-households').value);
    const status = document.getElementById('district-status').value;
    const areasText = document.getElementById('district-areas').value.trim();
    const siteAreasM2 = areasText ? areasText.split(/[,，;；\s]+/).filter(Boolean).map(Number) : [];
    const body = { households, status, siteAreasM2, name: document.getElementById('district-name').value || undefined };
    if (this.geometry) body.geometry = this.geometry;
    try {
      const v = await postJson('/api/district-check', body);
      this.render(v);
    } catch (err) {
      showError(err);
    }
  }

  render(v) {
    const out = document.getElementById('district-result');
    const color = VERDICT_COLORS[v.verdict] || '#868e96';
    this.drawn.setStyle && this.drawn.setStyle({ color, fillColor: color });
    const reason = language() === 'zh' ? v.reasonZh : v.reasonEn;
    const rules = v.rules.map((r) => `<li><b>${esc(r.id)}</b> ${esc(formatNumber(r.value, 0))} ${esc(r.unit)}<br><span class="kpi-note">${esc(r.source)} · ${esc(t(`bindings.${r.binding}`))}</span></li>`).join('');
    out.innerHTML = `<div class="verdict verdict-${esc(v.verdict)}" data-verdict="${esc(v.verdict)}">`
      + `<div class="verdict-head"><span class="verdict-badge" style="background:${color}">${esc(t(`verdicts.${v.verdict}`))}</span>`
      + `<span>${esc(v.name)}</span></div>`
      + `<table><tr><td>${esc(t('popupRequired'))}</td><td>${esc(formatNumber(v.requiredM2, 1))} ${esc(t('m2'))}</td></tr>`
      + `<tr><td>${esc(t('popupProvided'))}</td><td>${esc(formatNumber(v.providedM2, 1))} ${esc(t('m2'))}</td></tr>`
      + (v.shortfallM2 > 0 ? `<tr><td>${esc(t('popupShortfall'))}</td><td>${esc(formatNumber(v.shortfallM2, 1))} ${esc(t('m2'))}</td></tr>` : '')
      + (v.pooledWith && v.pooledWith.length ? `<tr><td>${esc(t('popupPooledWith'))}</td><td>${esc(v.pooledWith.join(', '))}</td></tr>` : '')
      + `</table><p class="popup-reason">${esc(reason)}</p>`
      + `<div class="kpi-note">${esc(t('popupRules', { profile: v.profile }))}</div><ul class="rule-list">${rules}</ul></div>`;
  }
}

function esc(value) {
  return String(value).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
}
