// The Leaflet map: optional basemap from the server's config (none when offline), scale bar, initial extent.
import * as L from 'leaflet';

/**
 * @param element  the map's container
 * @param config   /api/config: { basemap: {urlTemplate, subdomains, attribution, maxZoom, overlayTemplate} | null, bbox }
 */
export function createMap(element, config) {
  const map = L.map(element, { zoomControl: true, minZoom: 3, maxZoom: 19, zoomSnap: 0.5 });
  map.attributionControl.setPrefix('Leaflet');
  const b = config.basemap;
  if (b) {
    const options = { attribution: b.attribution, maxZoom: b.maxZoom };
    if (b.subdomains && b.subdomains.length) options.subdomains = b.subdomains;
    L.tileLayer(b.urlTemplate, options).addTo(map);
    if (b.overlayTemplate) L.tileLayer(b.overlayTemplate, options).addTo(map);
  }
  L.control.scale({ imperial: false, position: 'bottomleft' }).addTo(map);
  if (config.bbox) {
    const [minLon, minLat, maxLon, maxLat] = config.bbox;
    // leave room on the left for the layer switcher when the window is wide enough to have it beside the data
    const left = element.clientWidth > 900 ? 250 : 20;
    map.fitBounds([[minLat, minLon], [maxLat, maxLon]], { paddingTopLeft: [left, 20], paddingBottomRight: [20, 20] });
  } else {
    map.setView([28.2, 117.2], 10);
  }
  return map;
}

/** Draws the outline of the selected unit above the admin layers. */
export function createSelection(map) {
  const layer = L.geoJSON(null, {
    pane: 'admin',
    interactive: false,
    style: { color: '#b5402a', weight: 4, opacity: 1, fill: false },
  }).addTo(map);
  return {
    show(feature) {
      layer.clearLayers();
      if (feature) layer.addData(feature);
    },
  };
}
