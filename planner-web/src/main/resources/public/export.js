// Export of what is on the map: the visible layers' features as one GeoJSON FeatureCollection file.
import { t } from './i18n/i18n.js';
import { showInfo } from './notify.js';

/**
 * @param extras  more drawn results as [layerId, Leaflet GeoJSON layer] pairs (the what-if circles, a drawn district),
 *                exported with the visible layers when they hold features
 */
export function exportVisibleLayers(manager, datasetName, extras = []) {
  const features = manager.visibleFeatures();
  extras.forEach(([layerId, layer]) => {
    layer.toGeoJSON().features.forEach((f) => features.push({ ...f, properties: { ...f.properties, layer: layerId } }));
  });
  if (features.length === 0) {
    showInfo(t('exportEmpty'));
    return null;
  }
  const collection = { type: 'FeatureCollection', name: datasetName, features };
  const blob = new Blob([JSON.stringify(collection)], { type: 'application/geo+json' });
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = `${datasetName || 'planner'}-visible-layers.geojson`;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
  showInfo(t('exported', { n: features.length }));
  return collection;
}
