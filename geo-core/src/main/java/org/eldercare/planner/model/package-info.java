/** Immutable, validated domain records: admin units, facilities, medical facilities, residential districts, demand points, and the PlanningData bundle; geometries are WGS84 lon/lat. */
package org.eldercare.planner.model;
