package org.eldercare.planner.spark;

import java.util.ArrayList;
import java.util.List;

/** One CSV line (RFC 4180 quoting), for the small driver-side reports. */
final class Csv {
    private Csv() {}

    static String line(Object... cells) {
        List<String> out = new ArrayList<>();
        for (Object o : cells) {
            String c = o == null ? "" : o.toString();
            out.add(c.contains(",") || c.contains("\"") || c.contains("\n") ? "\"" + c.replace("\"", "\"\"") + "\"" : c);
        }
        return String.join(",", out) + "\n";
    }
}
