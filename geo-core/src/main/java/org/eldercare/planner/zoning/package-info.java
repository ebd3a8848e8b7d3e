/** Residential-district elderly-service floor-area check (per 100 households), including pooled provision. */
package org.eldercare.planner.zoning;
