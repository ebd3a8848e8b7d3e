/** Service circles (15-minute elderly-service circle): reachable areas per facility and time band, dissolved or split. */
package org.eldercare.planner.circle;
