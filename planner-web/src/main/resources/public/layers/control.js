// The layer switcher: one row per layer (checkbox, title, features drawn), grouped, each with its legend.
import * as L from 'leaflet';
import { t, language } from '../i18n/i18n.js';
import { legendEntries } from './styles.js';

const GROUPS = [['admin', 'groupAdmin'], ['facilities', 'groupFacilities'], ['base', 'groupBase'], ['analysis', 'groupAnalysis']];

export const LayerSwitcher = L.Control.extend({
  options: { position: 'topleft' },

  initialize(manager, basemap, options) {
    L.setOptions(this, options);
    this.manager = manager;
    this.basemap = basemap;
  },

  onAdd() {
    this.container = L.DomUtil.create('div', 'layer-control leaflet-control');
    this.container.id = 'layer-control';
    L.DomEvent.disableClickPropagation(this.container);
    L.DomEvent.disableScrollPropagation(this.container);
    this.render();
    return this.container;
  },

  render() {
    if (!this.container) return;
    const el = this.container;
    el.innerHTML = '';
    GROUPS.forEach(([group, key]) => {
      const infos = this.manager.infos().filter((i) => i.group === group);
      if (infos.length === 0) return;
      const h = document.createElement('h4');
      h.textContent = t(key);
      el.appendChild(h);
      infos.forEach((info) => el.appendChild(this.row(info)));
    });
    const note = document.createElement('div');
    note.className = 'basemap-note';
    note.textContent = this.basemap ? t('basemapName', { name: this.basemap.name }) : t('basemapNone');
    el.appendChild(note);
  },

  row(info) {
    const entry = this.manager.entry(info.id);
    const wrap = document.createElement('div');
    const label = document.createElement('label');
    label.className = 'layer-row';
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.checked = entry.visible;
    box.dataset.layer = info.id;
    box.addEventListener('change', () => this.manager.setVisible(info.id, box.checked));
    const title = document.createElement('span');
    title.textContent = language() === 'zh' ? info.title.zh : info.title.en;
    const count = document.createElement('span');
    count.className = 'count';
    count.dataset.layerCount = info.id;
    count.textContent = entry.loaded ? String(entry.features.length) : '…';
    label.append(box, title, count);
    wrap.appendChild(label);
    if (entry.visible) {
      const items = legendEntries(info.id, entry.seen);
      if (items.length > 0) {
        const ul = document.createElement('ul');
        ul.className = 'legend';
        items.forEach((it) => {
          const li = document.createElement('li');
          const sw = document.createElement('span');
          sw.className = `swatch ${it.cls}`;
          sw.style.background = it.color;
          const tx = document.createElement('span');
          tx.textContent = it.label;
          li.append(sw, tx);
          ul.appendChild(li);
        });
        wrap.appendChild(ul);
      }
      if (info.withoutGeometry > 0) {
        const n = document.createElement('div');
        n.className = 'legend-note';
        n.textContent = t('withoutGeometry', { n: info.withoutGeometry });
        wrap.appendChild(n);
      }
    }
    return wrap;
  },
});
