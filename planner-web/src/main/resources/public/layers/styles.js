// How each layer is drawn and what its legend shows. Layers not listed here (analysis layers added later) get
// a neutral default so that adding a layer on the server is enough to see it.
import { t, kindName, medicalKindName } from '../i18n/i18n.js';

export const KIND_COLORS = {
  'county-welfare-centre': '#6a1b9a',
  'regional-centre': '#8e24aa',
  'township-nursing-home': '#c62828',
  'comprehensive-centre': '#ef6c00',
  'embedded-institution': '#d84315',
  'day-care-centre': '#2e7d32',
  'service-station': '#00897b',
  'rural-mutual-aid': '#1565c0',
  'canteen': '#f9a825',
  'activity-centre': '#5d4037',
  'private-institution': '#ad1457',
};

const ROAD_CLASSES = {
  motorway: { color: '#e8590c', weight: 3.5 },
  trunk: { color: '#e8590c', weight: 3 },
  primary: { color: '#f08c00', weight: 2.6 },
  secondary: { color: '#fab005', weight: 2 },
  tertiary: { color: '#adb5bd', weight: 1.6 },
  residential: { color: '#ced4da', weight: 1.1 },
  other: { color: '#dee2e6', weight: 0.9 },
};

const DISTRICT_COLORS = { new: '#1c7ed6', existing: '#a0522d' };

export const VERDICT_COLORS = { pass: '#2b8a3e', 'pass-pooled': '#f59f00', fail: '#e03131', 'not-applicable': '#868e96' };

export function roadClass(highway) {
  const h = (highway || '').replace(/_link$/, '');
  return ROAD_CLASSES[h] ? h : 'other';
}

/** Leaflet path style for a polygon or line feature of a layer. */
export function pathStyle(layerId, feature) {
  const p = feature ? feature.properties || {} : {};
  switch (layerId) {
    case 'admin-county':
      return { color: '#7a1f12', weight: 3, opacity: 0.9, fillColor: '#fff', fillOpacity: 0.01 };
    case 'admin-township':
      return { color: '#34495e', weight: 1.8, opacity: 0.85, dashArray: '6 4', fillColor: '#fdfdfd', fillOpacity: 0.04 };
    case 'admin-community':
      return { color: '#8395a7', weight: 0.8, opacity: 0.8, fillColor: '#ffffff', fillOpacity: 0.02 };
    case 'districts':
      return { color: DISTRICT_COLORS[p.status] || '#555', weight: 1, fillColor: DISTRICT_COLORS[p.status] || '#555', fillOpacity: 0.35 };
    case 'district-verdicts': {
      const c = VERDICT_COLORS[p.verdict] || '#868e96';
      return { color: c, weight: 2, fillColor: c, fillOpacity: 0.45 };
    }
    case 'facilities':
      // L.geoJSON applies this style to circle markers too, so facilities get their own here
      return facilityStyle(p);
    case 'roads': {
      const c = ROAD_CLASSES[roadClass(p.highway)];
      return { color: c.color, weight: c.weight, opacity: 0.95 };
    }
    default:
      return { color: '#5f3dc4', weight: 1.5, fillColor: '#7950f2', fillOpacity: 0.2 };
  }
}

/** Radius of a facility marker: institutions grow with their beds (5 px + √beds / 2, at most 14 px). */
export function facilityRadius(p) {
  return Math.min(14, 5 + Math.sqrt(p.beds || 0) / 2);
}

export function facilityStyle(p) {
  return { radius: facilityRadius(p), color: '#fff', weight: 1.5, fillColor: KIND_COLORS[p.kind] || '#555', fillOpacity: 0.95 };
}

/** Legend entries of a layer: [{swatch: {cls, color}, label}], built from the kinds seen in its features. */
export function legendEntries(layerId, seen) {
  switch (layerId) {
    case 'admin-county':
    case 'admin-township':
    case 'admin-community': {
      const s = pathStyle(layerId);
      return [{ cls: 'line', color: s.color, label: t(`levels.${layerId === 'admin-county' ? 'county' : layerId === 'admin-township' ? 'township' : 'community'}`) }];
    }
    case 'facilities':
      return [...seen.entries()].map(([kind, zhName]) => ({ cls: '', color: KIND_COLORS[kind] || '#555', label: kindName(kind, zhName) }));
    case 'medical-facilities':
      return [...seen.entries()].map(([kind, zhName]) => ({ cls: 'square', color: '#e8596e', label: medicalKindName(kind, zhName) }));
    case 'districts':
      return Object.entries(DISTRICT_COLORS).map(([k, c]) => ({ cls: 'square', color: c, label: t(`status.${k}`) }));
    case 'district-verdicts':
      return Object.entries(VERDICT_COLORS).map(([k, c]) => ({ cls: 'square', color: c, label: t(`verdicts.${k}`) }));
    case 'roads':
      return [...seen.keys()].map((k) => ({ cls: 'line', color: ROAD_CLASSES[k].color, label: t(`highway.${k}`) }));
    default:
      return [];
  }
}

/** What a layer's legend groups by: the key and (Chinese) name of a feature, or null. */
export function legendKey(layerId, p) {
  if (layerId === 'facilities' || layerId === 'medical-facilities') return [p.kind, p.kindZh];
  if (layerId === 'roads') return [roadClass(p.highway), null];
  return null;
}
