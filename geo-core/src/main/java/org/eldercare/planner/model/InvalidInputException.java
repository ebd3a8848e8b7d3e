package org.eldercare.planner.model;

import java.util.List;

/**
 * Input that geo-core rejects: every problem found, each an {@link InputProblem} naming file, feature, field and
 * value as data. The common supertype of geo-core's input errors (a file that cannot be read, a profile or scenario
 * that fails validation, a rejected model value or analysis parameter), so that callers map one type once. An
 * {@link IllegalArgumentException}, so code that treats bad arguments generically keeps working.
 */
public class InvalidInputException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final transient List<InputProblem> problems;

    public InvalidInputException(List<InputProblem> problems) {
        this(summary(problems), problems);
    }

    /** With a message of the caller's (e.g. naming the scenario) and the problems. */
    protected InvalidInputException(String message, List<InputProblem> problems) {
        super(message);
        if (problems == null || problems.isEmpty()) {
            throw new IllegalArgumentException("an input error needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    /** One problem. */
    public InvalidInputException(InputProblem problem) {
        this(List.of(problem));
    }

    /** Every problem, in the order found; never empty. */
    public List<InputProblem> problems() {
        return problems;
    }

    /** The problems one per line, with a count when there are several. */
    public static String summary(List<InputProblem> problems) {
        if (problems == null || problems.isEmpty()) {
            return "invalid input";
        }
        if (problems.size() == 1) {
            return problems.get(0).toString();
        }
        StringBuilder sb = new StringBuilder(problems.size() + " problems:");
        for (InputProblem p : problems) {
            sb.append("\n  ").append(p);
        }
        return sb.toString();
    }
}
