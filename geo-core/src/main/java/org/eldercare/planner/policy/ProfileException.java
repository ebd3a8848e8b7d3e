package org.eldercare.planner.policy;

import java.util.List;

/**
 * A profile file (or chain of files) that failed validation: carries every problem found, each naming the file and
 * the key, e.g. {@code wengan-2023.yaml: rules.district.singleSite.minM2.unit: expected 'm2', was 'm²'}.
 */
public final class ProfileException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final List<String> problems;

    public ProfileException(List<String> problems) {
        super(problems.size() == 1 ? problems.get(0)
            : problems.size() + " problems in policy profile:\n  " + String.join("\n  ", problems));
        this.problems = List.copyOf(problems);
    }

    /** Every problem, one line each, each starting with the file name. */
    public List<String> problems() {
        return problems;
    }
}
