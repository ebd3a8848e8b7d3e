package org.eldercare.planner.io;

import java.util.List;

/**
 * A file could not be read. Carries every problem found (a reader reports all problems of a file at once), each
 * naming the file, the feature and the field. Nothing of the file is returned when this is thrown.
 */
public final class ReadException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final transient List<Problem> problems;

    /** One problem: file, feature (index or id, may be null for the whole file), field (may be null), message. */
    public record Problem(String file, String feature, String field, String message) {
        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder();
            sb.append(file == null ? "<input>" : file);
            if (feature != null) {
                sb.append(": feature ").append(feature);
            }
            if (field != null) {
                sb.append(": field '").append(field).append("'");
            }
            return sb.append(": ").append(message).toString();
        }
    }

    public ReadException(String file, String feature, String field, String message) {
        this(List.of(new Problem(file, feature, field, message)));
    }

    public ReadException(List<Problem> problems) {
        super(summary(problems));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a ReadException needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }

    private static String summary(List<Problem> problems) {
        if (problems.size() == 1) {
            return problems.get(0).toString();
        }
        StringBuilder sb = new StringBuilder(problems.size() + " problems:");
        for (Problem p : problems) {
            sb.append("\n  ").append(p);
        }
        return sb.toString();
    }
}
