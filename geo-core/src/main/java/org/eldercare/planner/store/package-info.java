/** Planning workspaces: the Workspace interface with GeoPackage and PostGIS implementations. */
package org.eldercare.planner.store;
