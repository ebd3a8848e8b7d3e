package org.eldercare.planner.web.api;

import java.util.List;

/** 428: a change of a saved scenario without {@code If-Match} (the revision it read), so it could overwrite unseen. */
public final class PreconditionRequiredException extends RequestParameterException {
    private static final long serialVersionUID = 1L;

    public PreconditionRequiredException(String name) {
        super(428, "If-Match: required to change scenario '" + name + "': send its revision as read (the ETag of "
            + "GET /api/scenarios/" + name + ")", "If-Match", null, "allowed", List.of());
    }
}
