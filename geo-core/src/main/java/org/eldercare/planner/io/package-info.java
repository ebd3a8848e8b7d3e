/** Readers and writers (GeoJSON, GeoPackage, CSV, OSM) with attribute mappings and all-errors-at-once validation. */
package org.eldercare.planner.io;
