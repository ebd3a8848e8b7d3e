package org.eldercare.planner.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.eldercare.planner.scenario.SavedScenarios;
import org.eldercare.planner.scenario.Scenario;
import org.eldercare.planner.scenario.ScenarioFiles;

/**
 * The child JVM of {@link SaveFaultTest}: opens the store and saves a large revision 2 of scenario {@code plan};
 * inside the transaction, after every statement and before the commit, it prints {@code IN_TRANSACTION} and waits
 * on its standard input until it is killed. Arguments: {@code gpkg FILE} or {@code pg JDBC_URL}, then the number of
 * changes of the large revision.
 */
public final class SaveInTransactionChild {
    static final String READY = "IN_TRANSACTION";

    private SaveInTransactionChild() {}

    public static void main(String[] args) throws Exception {
        Workspace ws = args[0].equals("gpkg") ? GeoPackageWorkspace.open(Path.of(args[1]))
            : PostgisWorkspace.connect(args[1], PostgisTestServer.credentials());
        JdbcWorkspace.beforeRevisionCommit = () -> {
            System.out.println(READY);
            System.out.flush();
            try {
                System.in.read(); // the parent kills us here; if it closes our input instead, roll back
            } catch (IOException e) {
                // fall through
            }
            throw new IllegalStateException("released without being killed");
        };
        SavedScenarios.save(ws, scenario("child's large revision", Integer.parseInt(args[2])), "child", 1);
        System.out.println("COMMITTED");
    }

    /** Scenario {@code plan} with {@code closes} close-facility changes (ids F0, F1, …). */
    static Scenario scenario(String description, int closes) {
        StringBuilder json = new StringBuilder("{\"name\": \"plan\", \"description\": \"").append(description)
            .append("\", \"base\": \"county.gpkg\", \"profile\": \"national\", \"changes\": [");
        for (int i = 0; i < closes; i++) {
            json.append(i == 0 ? "" : ", ").append("{\"type\": \"close-facility\", \"id\": \"F").append(i)
                .append("\"}");
        }
        json.append("]}");
        return ScenarioFiles.parse("fault test", json.toString().getBytes(StandardCharsets.UTF_8));
    }
}
