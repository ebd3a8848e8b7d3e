package org.eldercare.planner.web;

import org.eldercare.planner.web.server.PlannerServer;
import org.eldercare.planner.web.server.ServerSettings;

/** Serves the sample county on a port for looking at the page by hand and for the load benchmark (test scope). */
public final class DevServer {
    private DevServer() {}

    public static void main(String[] args) {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8080;
        var app = PlannerServer.create(SampleCounty.data(), ServerSettings.offline()).start("127.0.0.1", port);
        System.out.println("serving http://127.0.0.1:" + app.port() + "/");
    }
}
