/**
 * One planning session per loaded {@code PlanningData}: the graphs, coverage network, baseline results and the
 * scenario runner that CLI commands, the web server, notebooks and batch jobs all go through. The top layer of
 * geo-core (see docs/architecture.md).
 */
package org.eldercare.planner.planning;
