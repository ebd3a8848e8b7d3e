/** Coordinate reference systems: EPSG transforms, GCJ-02, choosing a metric projection, metric lengths and areas. */
package org.eldercare.planner.crs;
