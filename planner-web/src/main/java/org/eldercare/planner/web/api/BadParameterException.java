package org.eldercare.planner.web.api;

import java.util.List;

/**
 * A request parameter (query, path or body field) that was missing or invalid. The server answers 400 with the
 * message, the parameter's name, the rejected value and, where there is a closed list, the accepted values.
 */
public final class BadParameterException extends RequestParameterException {
    private static final long serialVersionUID = 1L;

    /**
     * @param parameter name of the parameter as the client sent it, e.g. {@code bbox}
     * @param value     the rejected value as sent (null when missing)
     * @param message   what is wrong and what is accepted; the parameter name is prefixed
     * @param allowed   the accepted values when they form a closed list, else empty
     */
    public BadParameterException(String parameter, String value, String message, List<String> allowed) {
        super(400, parameter + ": " + message, parameter, value, "allowed", allowed);
    }

    public BadParameterException(String parameter, String value, String message) {
        this(parameter, value, message, List.of());
    }

    /** Accepted values, when they form a closed list; else empty. */
    public List<String> allowed() {
        return values();
    }
}
