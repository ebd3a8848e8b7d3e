package org.eldercare.planner.web;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.type;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.eldercare.planner.circle.ServiceAreaCalculator;
import org.eldercare.planner.coverage.CoverageAnalysis;
import org.eldercare.planner.coverage.CoverageDelta;
import org.eldercare.planner.coverage.CoverageNetwork;
import org.eldercare.planner.network.GraphBuilder;
import org.eldercare.planner.network.OsmGraphBuilder;
import org.eldercare.planner.network.PgRoutingEdgeReader;
import org.eldercare.planner.network.RoadSegmentGraphBuilder;
import org.eldercare.planner.network.TravelGraphs;
import org.eldercare.planner.scenario.ScenarioBase;
import org.eldercare.planner.scenario.ScenarioRun;
import org.eldercare.planner.siting.RegionalSiting;
import org.eldercare.planner.zoning.DistrictCheck;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import picocli.CommandLine;

/**
 * planner-web only wires HTTP and the command line to geo-core (docs/architecture.md): it never computes geometry,
 * never builds road graphs, constructs analyses only through geo-core's {@code planning.PlanningSession} (or
 * {@code planning.NetworkFiles} for commands on bare files), and has no change or diff types of its own.
 */
class WebArchitectureTest {
    static final JavaClasses WEB = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("org.eldercare.planner.web");

    @Test
    void web_never_uses_geometry_algorithms() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage(
                "org.locationtech.jts.operation..", "org.locationtech.jts.algorithm..",
                "org.locationtech.jts.simplify..", "org.locationtech.jts.triangulate..",
                "org.locationtech.jts.index..", "org.locationtech.jts.densify..", "org.locationtech.proj4j..")
            .check(WEB);
    }

    @Test
    void web_never_runs_jts_overlay_or_buffer() {
        noClasses().should().callMethodWhere(DescribedPredicate.and(
                target(nameMatching("buffer|union|intersection|difference|symDifference|convexHull")),
                target(owner(assignableTo(Geometry.class)))))
            .check(WEB);
    }

    @Test
    void web_never_builds_road_graphs() {
        noClasses().should().dependOnClassesThat().belongToAnyOf(RoadSegmentGraphBuilder.class,
                OsmGraphBuilder.class, GraphBuilder.class, PgRoutingEdgeReader.class)
            .orShould().callConstructorWhere(target(owner(type(TravelGraphs.class))))
            .check(WEB);
    }

    @Test
    void web_constructs_analyses_only_through_the_session() {
        noClasses().should().dependOnClassesThat().belongToAnyOf(CoverageAnalysis.class, CoverageNetwork.class,
                ScenarioBase.class, RegionalSiting.class, ServiceAreaCalculator.class, DistrictCheck.class)
            .orShould().callConstructorWhere(target(owner(type(ScenarioRun.class))))
            .orShould().callMethodWhere(DescribedPredicate.and(target(name("run")),
                target(owner(type(ScenarioRun.class)))))
            .check(WEB);
    }

    @Test
    void web_defines_no_change_or_diff_types_of_its_own() {
        noClasses().that().areNotAnnotatedWith(CommandLine.Command.class)
            .should().haveSimpleNameEndingWith("Change")
            .orShould().haveSimpleNameEndingWith("Diff")
            .orShould().haveSimpleNameEndingWith("Delta")
            .check(WEB);
        noClasses().should().dependOnClassesThat().belongToAnyOf(CoverageDelta.class).check(WEB);
    }

    @Test
    void only_web_security_installs_before_and_after_handlers() {
        // who may call what and the audit log are decided in one place (docs/security.md): auth.WebSecurity
        noClasses().that().doNotHaveFullyQualifiedName("org.eldercare.planner.web.auth.WebSecurity")
            .should().callMethodWhere(DescribedPredicate.and(
                target(nameMatching("before|after|beforeMatched|afterMatched")),
                target(owner(assignableTo(io.javalin.router.JavalinDefaultRoutingApi.class)))))
            .check(WEB);
    }
}
