package org.eldercare.planner.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads a tab-separated spec resource of the bench classpath ({@code #} comments, blank lines skipped). */
final class SpecTable {
    private SpecTable() {}

    /** The rows of {@code resource}, each with exactly {@code fields} fields named by {@code header} in errors. */
    static List<String[]> rows(String resource, int fields, String header) throws IOException {
        List<String[]> out = new ArrayList<>();
        try (var in = SpecTable.class.getResourceAsStream("/" + resource)) {
            if (in == null) {
                throw new IOException("resource " + resource + " is missing from the bench classpath");
            }
            var r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            int no = 0;
            while ((line = r.readLine()) != null) {
                no++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] t = line.trim().split("\t");
                if (t.length != fields) {
                    throw new IOException(resource + " line " + no + ": expected " + fields
                        + " tab-separated fields (" + header + "), was " + t.length);
                }
                out.add(t);
            }
        }
        return out;
    }
}
