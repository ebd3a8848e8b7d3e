package org.eldercare.planner.web.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A request the server refuses because of one parameter (query, path or body field): its name, the value sent and,
 * where they form a short list, the values that would have done. The subclasses fix the HTTP status and what the
 * list of values is called; the server's error mapping answers every one of them the same way, from
 * {@link #status()} and {@link #details()}.
 */
public abstract class RequestParameterException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final int status;
    private final String parameter;
    private final String value;
    private final String valuesKey;
    private final List<String> values;

    /**
     * @param status    the HTTP status of the answer
     * @param message   the whole message as the client reads it
     * @param parameter name of the parameter as the client sent it, e.g. {@code bbox} or {@code layerId}
     * @param value     the value as sent (null when missing)
     * @param valuesKey what the values are called in {@link #details()}, e.g. {@code allowed}
     * @param values    the values that would have done, when the list is closed and short; else empty
     */
    protected RequestParameterException(int status, String message, String parameter, String value, String valuesKey,
            List<String> values) {
        super(message);
        this.status = status;
        this.parameter = parameter;
        this.value = value;
        this.valuesKey = valuesKey;
        this.values = List.copyOf(values);
    }

    /** Name of the parameter, e.g. {@code bbox}. */
    public final String parameter() {
        return parameter;
    }

    /** The value as sent, or null when it was missing. */
    public final String value() {
        return value;
    }

    /** The HTTP status of the answer. */
    public final int status() {
        return status;
    }

    /** The values that would have done; else empty. */
    protected final List<String> values() {
        return values;
    }

    /** {@code parameter}, {@code value} and, when there are any, the values under their name. */
    public final Map<String, Object> details() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("parameter", parameter);
        d.put("value", value);
        if (!values.isEmpty()) {
            d.put(valuesKey, values);
        }
        addDetails(d);
        return d;
    }

    /** Adds a subclass's own details after the common ones; none by default. */
    protected void addDetails(Map<String, Object> details) {
        // no more details
    }
}
