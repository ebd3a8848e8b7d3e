/** Layers prepared for display on a web map: bounding-box queries and geometry simplified per zoom level. */
package org.eldercare.planner.viewport;
