// Siting: choose the county, the model and p, and /api/siting proposes regional institutions: the sites (stars),
// the assignment lines from each demand point to its site, candidates a rule excluded, and the summary with the
// profile's regional rules and their clauses.
import * as L from 'leaflet';
import { postJson } from './api.js';
import { t, formatNumber } from './i18n/i18n.js';
import { showError } from './notify.js';

const MODELS = ['pmedian', 'mclp', 'pcenter', 'cpmedian', 'lscp', 'lscp-b'];

function esc(value) {
  return String(value).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
}

export class Siting {
  constructor(map, units) {
    this.map = map;
    this.box = document.getElementById('siting-box');
    map.createPane('siting');
    map.getPane('siting').style.zIndex = 625;
    this.layer = L.geoJSON(null, {
      pane: 'siting',
      style: (f) => (f.properties.role === 'assignment'
        ? { color: f.properties.withinMinutes ? '#1864ab' : '#e8590c', weight: 1.2, opacity: 0.7, dashArray: f.properties.fallback ? '3 3' : null }
        : { color: '#555' }),
      pointToLayer: (f, latlng) => {
        const role = f.properties.role;
        if (role === 'site') {
          return L.marker(latlng, { pane: 'siting', icon: L.divIcon({ className: 'siting-site', html: '★', iconSize: [26, 26] }) });
        }
        return L.circleMarker(latlng, {
          pane: 'siting', radius: role === 'excluded' ? 6 : 3, weight: 1.5, color: '#fff',
          fillColor: role === 'excluded' ? '#868e96' : '#e03131', fillOpacity: 0.9,
        });
      },
      onEachFeature: (f, layer) => layer.bindPopup(() => this.popup(f)),
    }).addTo(map);
    const county = document.getElementById('siting-county');
    units.filter((u) => u.tier === 'county').forEach((u) => {
      const o = document.createElement('option');
      o.value = u.code;
      o.textContent = u.name;
      county.appendChild(o);
    });
    this.renderModels();
    document.getElementById('siting-toggle').addEventListener('click', () => {
      this.box.hidden = !this.box.hidden;
      document.getElementById('siting-toggle').classList.toggle('active', !this.box.hidden);
      if (!this.box.hidden) this.box.scrollIntoView({ block: 'nearest' });
    });
    document.getElementById('siting-form').addEventListener('submit', (ev) => {
      ev.preventDefault();
      this.run();
    });
    document.getElementById('siting-clear').addEventListener('click', () => this.clear());
  }

  renderModels() {
    const sel = document.getElementById('siting-model');
    const current = sel.value;
    sel.innerHTML = '';
    MODELS.forEach((m) => {
      const o = document.createElement('option');
      o.value = m;
      o.textContent = t(`sitingModels.${m}`);
      sel.appendChild(o);
    });
    sel.value = current || 'pmedian';
  }

  clear() {
    this.layer.clearLayers();
    document.getElementById('siting-result').innerHTML = '';
  }

  async run() {
    const pText = document.getElementById('siting-p').value.trim();
    const body = {
      county: document.getElementById('siting-county').value,
      model: document.getElementById('siting-model').value,
      mode: document.getElementById('siting-mode').value,
    };
    if (pText) body.p = Number(pText);
    const out = document.getElementById('siting-result');
    out.textContent = t('sitingRunning');
    try {
      const answer = await postJson('/api/siting', body);
      this.layer.clearLayers();
      this.layer.addData(answer.features);
      this.names = new Map(answer.features.features.filter((f) => f.properties.role === 'site')
        .map((f) => [f.properties.siteId, f.properties.name]));
      this.render(answer.summary);
    } catch (err) {
      out.textContent = '';
      showError(err);
    }
  }

  render(s) {
    const out = document.getElementById('siting-result');
    const rules = (s.rules || []).map((r) => `<li><b>${esc(r.ruleId)}</b> ${esc(r.value)} ${esc(r.unit)}<br><span class="kpi-note">${esc(r.citation)}${r.explanation ? ' · ' + esc(r.explanation) : ''}</span></li>`).join('');
    const notes = (s.notes || []).map((n) => `<li>${esc(n)}</li>`).join('');
    out.innerHTML = `<div class="siting-summary" data-status="${esc(s.status)}">`
      + `<table><tr><td>${esc(t('sitingStatus'))}</td><td>${esc(s.status)}</td></tr>`
      + `<tr><td>${esc(t('sitingSites'))}</td><td>${esc(s.sites.length)}: ${esc(s.sites.map((id) => (this.names && this.names.get(id)) || id).join('、'))}</td></tr>`
      + `<tr><td>${esc(t('sitingCovered', { m: s.minutes }))}</td><td>${esc(formatNumber(s.elderlyWithinMinutes))} / ${esc(formatNumber(s.totalElderly))} (${esc(formatNumber(100 * s.coveredShare, 1))}%)</td></tr>`
      + (s.objective !== undefined && s.objective !== null ? `<tr><td>${esc(t('sitingObjective'))}</td><td>${esc(formatNumber(s.objective, 1))}</td></tr>` : '')
      + `<tr><td>${esc(t('sitingUnserved'))}</td><td>${esc(s.unservedDemand)} · ${esc(t('sitingOffNetwork'))} ${esc(s.unsnappedDemand)}</td></tr>`
      + `</table><div class="kpi-note">${esc(t('sitingRules'))}</div><ul class="rule-list">${rules}</ul>`
      + (notes ? `<ul class="rule-list">${notes}</ul>` : '') + '</div>';
  }

  popup(f) {
    const p = f.properties;
    if (p.role === 'site') {
      return `<div class="popup"><h4>★ ${esc(p.name)}</h4><table>`
        + `<tr><td>${esc(t('popupBeds'))}</td><td>${esc(formatNumber(p.beds))}</td></tr>`
        + `<tr><td>${esc(t('sitingAssigned'))}</td><td>${esc(formatNumber(p.elderlyAssigned))}</td></tr>`
        + `<tr><td>${esc(t('sitingMaxMinutes'))}</td><td>${esc(formatNumber(p.maxMinutes, 1))}</td></tr>`
        + (p.medicalDistanceMeters !== undefined ? `<tr><td>${esc(t('sitingMedical'))}</td><td>${esc(formatNumber(p.medicalDistanceMeters))} m</td></tr>` : '')
        + '</table></div>';
    }
    if (p.role === 'assignment') {
      return `<div class="popup"><table><tr><td>${esc(p.demandId)} → ${esc(p.siteId)}</td><td>${esc(formatNumber(p.minutes, 1))} min</td></tr></table></div>`;
    }
    if (p.role === 'excluded') {
      return `<div class="popup"><h4>${esc(p.name)}</h4><ul class="rule-list">${(p.reasons || []).map((r, i) => `<li>${esc(r)}<br><span class="kpi-note">${esc(p.citations[i])}</span></li>`).join('')}</ul></div>`;
    }
    return `<div class="popup">${esc(p.role)} ${esc(p.demandId || '')}</div>`;
  }
}
