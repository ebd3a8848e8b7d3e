// Loads each visible layer from /api/layers/{id} for the current view (bbox + zoom) and draws it.
import * as L from 'leaflet';
import { getJson } from '../api.js';
import { showError } from '../notify.js';
import { popupHtml } from './popups.js';
import { pathStyle, facilityStyle, legendKey } from './styles.js';

const PANES = { admin: 410, coverage: 415, districts: 420, roads: 430, circles: 435, analysis: 440, points: 620 };

/** Analysis layers that would cover the map if all were on at once start hidden; the switcher turns them on. */
export const HIDDEN_AT_START = ['circles', 'coverage-communities', 'coverage-townships', 'findings'];

function paneFor(info) {
  if (info.group === 'admin') return 'admin';
  if (info.id.startsWith('coverage-')) return 'coverage';
  if (info.id.startsWith('circles')) return 'circles';
  if (info.id === 'findings') return 'points';
  if (info.id === 'districts') return 'districts';
  if (info.id === 'roads') return 'roads';
  if (info.geometryType === 'Point') return 'points';
  return info.group === 'analysis' ? 'analysis' : 'districts';
}

/** The view's bounds padded by 20 %, clamped to valid lon/lat, as "minLon,minLat,maxLon,maxLat". */
function viewBbox(map) {
  const b = map.getBounds().pad(0.2);
  const r = (v) => Math.round(v * 1e5) / 1e5;
  const minLon = Math.max(-180, b.getWest());
  const maxLon = Math.min(180, b.getEast());
  const minLat = Math.max(-90, b.getSouth());
  const maxLat = Math.min(90, b.getNorth());
  return [r(minLon), r(minLat), r(maxLon), r(maxLat)].join(',');
}

export class LayerManager {
  /**
   * @param map       the Leaflet map
   * @param infos     the layer list from /api/layers
   * @param handlers  { onUnitClick(code), onChange() }
   */
  constructor(map, infos, handlers) {
    this.map = map;
    this.handlers = handlers;
    this.entries = new Map();
    Object.entries(PANES).forEach(([name, z]) => {
      map.createPane(name);
      map.getPane(name).style.zIndex = z;
    });
    infos.forEach((info) => this.entries.set(info.id, this.createEntry(info)));
    let timer = null;
    map.on('moveend', () => {
      clearTimeout(timer);
      timer = setTimeout(() => this.refreshAll(), 150);
    });
  }

  createEntry(info) {
    const pane = paneFor(info);
    const entry = { info, visible: !HIDDEN_AT_START.includes(info.id), features: [], seen: new Map(), seq: 0, loaded: false };
    const id = info.id;
    entry.layer = L.geoJSON(null, {
      pane,
      style: (f) => pathStyle(id, f),
      pointToLayer: (f, latlng) => {
        if (id === 'medical-facilities') {
          return L.marker(latlng, {
            pane,
            icon: L.divIcon({ className: 'medical-icon', html: '+', iconSize: [11, 11] }),
            keyboard: false,
          });
        }
        if (id === 'findings') return L.circleMarker(latlng, { pane, ...pathStyle(id, f), fill: true, weight: 1.5, dashArray: null });
        const marker = L.circleMarker(latlng, { pane, bubblingMouseEvents: false, ...facilityStyle(f.properties || {}) });
        if (id === 'facilities') marker.on('click', (ev) => this.handlers.onFacilityClick && this.handlers.onFacilityClick(f, marker, ev));
        return marker;
      },
      onEachFeature: (f, layer) => {
        const key = legendKey(id, f.properties || {});
        if (key && !entry.seen.has(key[0])) entry.seen.set(key[0], key[1]);
        if (info.group === 'admin') {
          layer.on('click', (ev) => this.handlers.onUnitClick(f.properties.code, ev));
          layer.on('mouseover', () => layer.setStyle({ weight: pathStyle(id, f).weight + 1.5 }));
          layer.on('mouseout', () => layer.setStyle(pathStyle(id, f)));
          // a node, not a string: Leaflet puts string content in as HTML, and names come from the bureau's files
          layer.bindTooltip(() => document.createTextNode(f.properties.name ?? ''), {
            sticky: id !== 'admin-township',
            permanent: id === 'admin-township',
            direction: 'center',
            className: id === 'admin-township' ? 'unit-label' : '',
          });
        } else {
          layer.bindPopup(() => popupHtml(id, f), { maxWidth: 320 });
        }
      },
    });
    if (entry.visible) entry.layer.addTo(this.map);
    return entry;
  }

  infos() {
    return [...this.entries.values()].map((e) => e.info);
  }

  entry(id) {
    return this.entries.get(id);
  }

  setVisible(id, visible) {
    const e = this.entries.get(id);
    e.visible = visible;
    if (visible) {
      e.layer.addTo(this.map);
      this.refresh(e);
    } else {
      e.layer.remove();
      this.handlers.onChange();
    }
  }

  async refreshAll() {
    await Promise.all([...this.entries.values()].filter((e) => e.visible).map((e) => this.refresh(e)));
  }

  async refresh(e) {
    const seq = ++e.seq;
    const params = { bbox: viewBbox(this.map) };
    if (e.info.geometryType !== 'Point') params.zoom = Math.max(0, Math.min(24, Math.round(this.map.getZoom())));
    try {
      const fc = await getJson(`/api/layers/${encodeURIComponent(e.info.id)}`, params);
      if (seq !== e.seq) return;
      e.layer.clearLayers();
      // nested bands: the widest first, so the 5-minute band lies on top and its popup is reachable
      if (e.info.id.startsWith('circles')) fc.features.sort((a, b) => b.properties.minutes - a.properties.minutes);
      e.layer.addData(fc);
      e.features = fc.features;
      e.loaded = true;
    } catch (err) {
      showError(err);
    }
    this.handlers.onChange();
  }

  /** The features of the visible layers as drawn now, each tagged with its layer id. */
  visibleFeatures() {
    const out = [];
    this.entries.forEach((e) => {
      if (!e.visible) return;
      e.features.forEach((f) => out.push({ ...f, properties: { ...f.properties, layer: e.info.id } }));
    });
    return out;
  }

  /** A drawn facility feature by id, or null. */
  findFacility(id) {
    const e = this.entries.get('facilities');
    return e ? e.features.find((x) => x.id === id) || null : null;
  }

  /** The drawn outline of an admin unit, when it is loaded in any admin layer. */
  findUnitFeature(code) {
    for (const e of this.entries.values()) {
      if (e.info.group !== 'admin') continue;
      const f = e.features.find((x) => x.id === code);
      if (f) return f;
    }
    return null;
  }
}
