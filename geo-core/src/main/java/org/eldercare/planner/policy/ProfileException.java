package org.eldercare.planner.policy;

import java.util.List;
import org.eldercare.planner.model.InputProblem;
import org.eldercare.planner.model.InvalidInputException;

/**
 * A profile file (or chain of files) that failed validation: carries every problem found, each naming the file and
 * the key as data, e.g. file {@code wengan-2023.yaml}, field {@code rules.district.singleSite.minM2.unit}, message
 * {@code expected 'm2', was 'm²'}.
 */
public final class ProfileException extends InvalidInputException {
    private static final long serialVersionUID = 1L;

    public ProfileException(List<InputProblem> problems) {
        super(problems.size() == 1 ? problems.get(0).toString()
            : problems.size() + " problems in policy profile:\n  "
                + String.join("\n  ", problems.stream().map(InputProblem::toString).toList()), problems);
    }
}
