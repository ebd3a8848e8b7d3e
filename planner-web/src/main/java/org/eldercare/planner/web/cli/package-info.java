/** Command-line interface: one picocli class per command, all calling the public geo-core API. */
package org.eldercare.planner.web.cli;
