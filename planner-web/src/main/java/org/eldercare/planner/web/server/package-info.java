/** Web server wiring: Javalin app, error mapping, static files. */
package org.eldercare.planner.web.server;
