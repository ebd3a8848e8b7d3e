package org.eldercare.planner.io;

import java.util.ArrayList;
import java.util.List;
import org.eldercare.planner.model.InputProblem;

/** Collects the problems of one file so that a reader can report all of them at once. Not thread-safe. */
final class Problems {
    /** Stop collecting after this many problems (a wholly wrong file would otherwise produce millions). */
    static final int MAX = 1000;

    private final String file;
    private final List<InputProblem> list = new ArrayList<>();
    private int dropped;

    Problems(String file) {
        this.file = file;
    }

    String file() {
        return file;
    }

    void add(String feature, String field, String message) {
        if (list.size() < MAX) {
            list.add(new InputProblem(file, feature, field, message));
        } else {
            dropped++;
        }
    }

    boolean isEmpty() {
        return list.isEmpty();
    }

    int size() {
        return list.size();
    }

    /** Throws a {@link ReadException} with every collected problem, if any. */
    void throwIfAny() {
        if (list.isEmpty()) {
            return;
        }
        List<InputProblem> all = new ArrayList<>(list);
        if (dropped > 0) {
            all.add(new InputProblem(file, null, null, dropped + " further problems not listed"));
        }
        throw new ReadException(all);
    }

    /** Feature label used in problems: {@code #3} or {@code #3 'F-12'} (0-based index, id when known). */
    static String label(int index, String id) {
        return id == null || id.isEmpty() ? "#" + index : "#" + index + " '" + id + "'";
    }
}
