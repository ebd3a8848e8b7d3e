package org.eldercare.planner.web.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A request the server refuses because of one parameter (query, path or body field): its name, the value sent and,
 * where they form a short list, the values that would have done. The subclasses fix the HTTP status and what the
 * list of values means; the server's error mapping answers every one of them the same way, from {@link #details()}.
 */
public abstract class RequestParameterException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final String parameter;
    private final String value;
    private final List<String> values;

    /**
     * @param message   the whole message as the client reads it
     * @param parameter name of the parameter as the client sent it, e.g. {@code bbox} or {@code layerId}
     * @param value     the value as sent (null when missing)
     * @param values    the values that would have done, when the list is closed and short; else empty
     */
    protected RequestParameterException(String message, String parameter, String value, List<String> values) {
        super(message);
        this.parameter = parameter;
        this.value = value;
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
    public abstract int status();

    /** The key of the list of values in {@link #details()}: {@code allowed} or {@code known}. */
    protected abstract String valuesKey();

    /** The values that would have done; else empty. */
    protected final List<String> values() {
        return values;
    }

    /** {@code parameter}, {@code value} and, when there are any, the values under {@link #valuesKey()}. */
    public final Map<String, Object> details() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("parameter", parameter);
        d.put("value", value);
        if (!values.isEmpty()) {
            d.put(valuesKey(), values);
        }
        return d;
    }
}
