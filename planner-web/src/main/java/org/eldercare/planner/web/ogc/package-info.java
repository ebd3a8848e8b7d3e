/** OGC API - Features endpoints over the workspace layers, so QGIS can add them directly. */
package org.eldercare.planner.web.ogc;
