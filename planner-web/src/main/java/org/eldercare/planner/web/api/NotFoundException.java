package org.eldercare.planner.web.api;

import java.util.List;

/** A resource named in the path does not exist (unknown layer, unit or feature); the server answers 404. */
public final class NotFoundException extends RequestParameterException {
    private static final long serialVersionUID = 1L;

    /**
     * @param parameter path parameter that named the resource, e.g. {@code layerId}
     * @param value     the value that matched nothing
     * @param message   human-readable message
     * @param known     the existing values when the list is short enough to show, else empty
     */
    public NotFoundException(String parameter, String value, String message, List<String> known) {
        super(404, message, parameter, value, "known", known);
    }

    /** The existing values when the list is short enough to show; else empty. */
    public List<String> known() {
        return values();
    }
}
