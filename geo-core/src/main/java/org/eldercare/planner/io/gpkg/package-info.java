/** GeoPackage (OGC .gpkg) feature tables read into and written from generic {@link org.eldercare.planner.io.Feature} lists, via NGA geopackage-java with geometries converted through WKB to JTS. */
package org.eldercare.planner.io.gpkg;
