package org.eldercare.planner.scenario;

import java.util.List;
import org.eldercare.planner.model.InputProblem;
import org.eldercare.planner.model.InvalidInputException;

/**
 * Every problem of a scenario at once (file schema, or resolving its changes against a base), each naming the key
 * and the change index. As an {@link InvalidInputException} its {@link #problems()} name the source as the file,
 * {@code changes[i]} as the feature and the key as the field; {@link #scenarioProblems()} keeps the change index.
 */
public final class ScenarioException extends InvalidInputException {
    private static final long serialVersionUID = 1L;
    private final transient List<ScenarioProblem> scenarioProblems;

    /** @param source what was read (a file name or "scenario 'name'"), for the message */
    public ScenarioException(String source, List<ScenarioProblem> problems) {
        super(message(source, problems), problems.stream().map(p -> new InputProblem(source,
            p.changeIndex() < 0 ? null : "changes[" + p.changeIndex() + "]", p.key(), null, p.message())).toList());
        this.scenarioProblems = List.copyOf(problems);
    }

    private static String message(String source, List<ScenarioProblem> problems) {
        StringBuilder sb = new StringBuilder(source).append(": ").append(problems.size())
            .append(problems.size() == 1 ? " problem" : " problems");
        for (ScenarioProblem p : problems) {
            sb.append("\n  ").append(p);
        }
        return sb.toString();
    }

    /** The problems with their change index, in file order. */
    public List<ScenarioProblem> scenarioProblems() {
        return scenarioProblems;
    }
}
