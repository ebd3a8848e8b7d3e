package org.eldercare.planner.web.api;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A request naming fields (of a JSON body) or query parameters the endpoint does not read: 400, never silently
 * ignored (a {@code "speedMps": 1e9} that did nothing would look like an answer). The message and the details name
 * every unknown one ({@code unknown}) and list the {@code accepted} ones.
 */
public final class UnknownFieldsException extends RequestParameterException {
    private static final long serialVersionUID = 1L;
    private final List<String> unknown;

    /**
     * @param what     what the names are, e.g. {@code field} or {@code query parameter}
     * @param unknown  the names sent that the endpoint does not read, in the order sent (not empty)
     * @param accepted the names it reads
     */
    public UnknownFieldsException(String what, List<String> unknown, Collection<String> accepted) {
        super(400, String.join(", ", unknown) + ": unknown " + what + (unknown.size() == 1 ? "" : "s")
            + "; accepted: " + String.join(", ", new TreeSet<>(accepted)), String.join(", ", unknown), null,
            "accepted", List.copyOf(new TreeSet<>(accepted)));
        this.unknown = List.copyOf(unknown);
    }

    /** The names sent that the endpoint does not read. */
    public List<String> unknown() {
        return unknown;
    }

    @Override
    protected void addDetails(Map<String, Object> details) {
        details.put("unknown", unknown);
    }
}
