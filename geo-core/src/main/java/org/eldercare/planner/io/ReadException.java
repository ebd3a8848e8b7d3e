package org.eldercare.planner.io;

import java.util.List;
import org.eldercare.planner.model.InputProblem;
import org.eldercare.planner.model.InvalidInputException;

/**
 * A file could not be read. Carries every problem found (a reader reports all problems of a file at once), each
 * naming the file, the feature and the field as data ({@link InputProblem}). Nothing of the file is returned when
 * this is thrown.
 */
public final class ReadException extends InvalidInputException {
    private static final long serialVersionUID = 1L;

    public ReadException(String file, String feature, String field, String message) {
        this(List.of(new InputProblem(file, feature, field, message)));
    }

    public ReadException(List<InputProblem> problems) {
        super(problems);
    }
}
