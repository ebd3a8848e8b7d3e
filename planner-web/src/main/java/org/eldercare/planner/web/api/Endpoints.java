package org.eldercare.planner.web.api;

import io.javalin.config.RoutesConfig;

/** A group of HTTP endpoints for one resource; the server wiring calls {@link #registerEndpoints} once at start. */
public interface Endpoints {
    /** Declares this resource's routes. */
    void registerEndpoints(RoutesConfig routes);
}
