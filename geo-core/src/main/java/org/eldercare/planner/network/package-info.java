/** Routable road graph in primitive arrays, travel profiles, snapping and shortest-path searches. */
package org.eldercare.planner.network;
