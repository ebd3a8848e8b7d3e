/** Static report output for the command line and notebooks: PNG charts and map images of analysis results. */
package org.eldercare.planner.web.report;
