package org.eldercare.planner.scenario;

import java.util.List;

/**
 * Every problem of a scenario at once (file schema, or resolving its changes against a base), each naming the key
 * and the change index. An {@link IllegalArgumentException}, so the command line reports it as bad input.
 */
public final class ScenarioException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final transient List<ScenarioProblem> problems;

    /** @param source what was read (a file name or "scenario 'name'"), for the message */
    public ScenarioException(String source, List<ScenarioProblem> problems) {
        super(message(source, problems));
        this.problems = List.copyOf(problems);
    }

    private static String message(String source, List<ScenarioProblem> problems) {
        StringBuilder sb = new StringBuilder(source).append(": ").append(problems.size())
            .append(problems.size() == 1 ? " problem" : " problems");
        for (ScenarioProblem p : problems) {
            sb.append("\n  ").append(p);
        }
        return sb.toString();
    }

    /** The problems, in file order. */
    public List<ScenarioProblem> problems() {
        return problems;
    }
}
