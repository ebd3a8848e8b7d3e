package org.eldercare.planner.web.api;

import java.util.List;

/** A resource named in the path does not exist (unknown layer, unit or feature); the server answers 404. */
public final class NotFoundException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String parameter;
    private final String value;
    private final List<String> known;

    /**
     * @param parameter path parameter that named the resource, e.g. {@code layerId}
     * @param value     the value that matched nothing
     * @param message   human-readable message
     * @param known     the existing values when the list is short enough to show, else empty
     */
    public NotFoundException(String parameter, String value, String message, List<String> known) {
        super(message);
        this.parameter = parameter;
        this.value = value;
        this.known = List.copyOf(known);
    }

    public String parameter() {
        return parameter;
    }

    public String value() {
        return value;
    }

    public List<String> known() {
        return known;
    }
}
