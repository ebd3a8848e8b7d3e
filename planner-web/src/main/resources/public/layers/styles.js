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

export const FINDING_COLORS = { fail: '#e03131', pass: '#2b8a3e', 'not-applicable': '#868e96' };

/** Colour of a covered share in [0, 1] (red below half, amber, yellow-green, green at 90 % and above); grey for none. */
export const SHARE_STEPS = [[0.9, '#2b8a3e'], [0.75, '#82c91e'], [0.5, '#fab005'], [0.25, '#f76707'], [0, '#e03131']];
export function shareColor(share) {
  if (share === null || share === undefined) return '#ced4da';
  return SHARE_STEPS.find(([min]) => share >= min - 1e-12)[1];
}

/** Circles: the 5-minute band strongest, the 15-minute band faintest, so nested bands read as rings. */
function circleStyle(p, dissolved) {
  const c = KIND_COLORS[p.kind] || '#5f3dc4';
  const band = p.minutes <= 5 ? 0 : p.minutes <= 10 ? 1 : 2;
  return {
    color: c, weight: dissolved ? 1.2 : 0.8, opacity: 0.8, dashArray: band === 2 ? null : '3 3',
    fillColor: c, fillOpacity: [0.22, 0.14, 0.08][band],
  };
}

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
    case 'circles':
    case 'what-if-circles':
      return circleStyle(p, false);
    case 'circles-by-kind':
      return circleStyle(p, true);
    case 'coverage-communities':
    case 'coverage-townships':
      return {
        color: '#495057', weight: layerId === 'coverage-townships' ? 1.5 : 0.7, opacity: 0.7,
        fillColor: shareColor(p.coveredShare), fillOpacity: p.coveredShare === null ? 0.15 : 0.55,
      };
    case 'gaps':
      return { color: '#862e9c', weight: 2, dashArray: '4 3', fillColor: '#be4bdb', fillOpacity: 0.35 };
    case 'findings': {
      const c = FINDING_COLORS[p.status] || '#868e96';
      return { color: c, weight: 2, dashArray: '2 4', fill: false, radius: 6, fillColor: c, fillOpacity: 0.9 };
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
    case 'circles':
    case 'circles-by-kind':
      return [...seen.entries()].map(([kind, zhName]) => ({ cls: 'square', color: KIND_COLORS[kind] || '#555', label: kindName(kind, zhName) }))
        .concat([{ cls: 'rings', color: '#868e96', label: t('circleBands') }]);
    case 'coverage-communities':
    case 'coverage-townships':
      return SHARE_STEPS.map(([min, c], i) => ({
        cls: 'square', color: c, label: i === 0 ? `≥ ${min * 100}%` : `${min * 100}–${SHARE_STEPS[i - 1][0] * 100}%`,
      })).concat([{ cls: 'square', color: '#ced4da', label: t('noElderly') }]);
    case 'gaps':
      return [{ cls: 'square', color: '#be4bdb', label: t('gapLegend') }];
    case 'findings':
      return Object.entries(FINDING_COLORS).map(([k, c]) => ({ cls: '', color: c, label: t(`findingStatus.${k}`) }));
    case 'roads':
      return [...seen.keys()].map((k) => ({ cls: 'line', color: ROAD_CLASSES[k].color, label: t(`highway.${k}`) }));
    default:
      return [];
  }
}

/** What a layer's legend groups by: the key and (Chinese) name of a feature, or null. */
export function legendKey(layerId, p) {
  if (['facilities', 'medical-facilities', 'circles', 'circles-by-kind'].includes(layerId)) return [p.kind, p.kindZh];
  if (layerId === 'roads') return [roadClass(p.highway), null];
  return null;
}
