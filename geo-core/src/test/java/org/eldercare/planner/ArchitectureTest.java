package org.eldercare.planner;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * geo-core stays a library: no web, no CLI, and packages only depend downwards, in the layers drawn in
 * docs/architecture.md (model; crs, policy, viewport; io, store; network; circle; coverage, zoning, siting;
 * scenario; planning), with no cycles between packages.
 */
class ArchitectureTest {
    static final String P = "org.eldercare.planner.";
    static JavaClasses core;

    @BeforeAll
    static void importClasses() {
        core = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.eldercare.planner");
    }

    @Test
    void geo_core_never_depends_on_web_or_cli_code() {
        noClasses().that().resideInAPackage("org.eldercare.planner..")
            .should().dependOnClassesThat().resideInAnyPackage(
                "org.eldercare.planner.web..", "io.javalin..", "org.eclipse.jetty..", "picocli..", "jakarta.servlet..")
            .check(core);
    }

    @Test
    void model_depends_only_on_jts_and_the_jdk() {
        noClasses().that().resideInAPackage(P + "model..").should().dependOnClassesThat().resideInAnyPackage(
            ours("io", "crs", "policy", "network", "circle", "coverage", "zoning", "siting", "scenario", "store"))
            .check(core);
    }

    @Test
    void policy_depends_on_nothing_else_of_ours_but_model() {
        noClasses().that().resideInAPackage(P + "policy..").should().dependOnClassesThat().resideInAnyPackage(
            ours("network", "circle", "coverage", "zoning", "siting", "scenario", "store"))
            .check(core);
    }

    @Test
    void analyses_never_depend_on_scenarios_or_stores() {
        noClasses().that().resideInAnyPackage(ours("network", "circle", "coverage", "zoning", "siting"))
            .should().dependOnClassesThat().resideInAnyPackage(ours("scenario", "store"))
            .check(core);
    }

    /** Our packages (and their subpackages) of these names, as ArchUnit package patterns. */
    static String[] ours(String... names) {
        return java.util.Arrays.stream(names).map(n -> P + n + "..").toArray(String[]::new);
    }

    @Test
    void packages_form_the_layers_of_docs_architecture() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("Model").definedBy(P + "model..")
            .layer("Basics").definedBy(P + "crs..", P + "policy..", P + "viewport..")
            .layer("Io").definedBy(P + "io..", P + "store..")
            .layer("Network").definedBy(P + "network..")
            .layer("Circles").definedBy(P + "circle..")
            .layer("Analyses").definedBy(P + "coverage..", P + "zoning..", P + "siting..")
            .layer("Scenarios").definedBy(P + "scenario..")
            .layer("Session").definedBy(P + "planning..")
            .whereLayer("Session").mayNotBeAccessedByAnyLayer()
            .whereLayer("Scenarios").mayOnlyBeAccessedByLayers("Session")
            .whereLayer("Analyses").mayOnlyBeAccessedByLayers("Scenarios", "Session")
            .whereLayer("Circles").mayOnlyBeAccessedByLayers("Analyses", "Scenarios", "Session")
            .whereLayer("Network").mayOnlyBeAccessedByLayers("Circles", "Analyses", "Scenarios", "Session")
            .whereLayer("Io").mayOnlyBeAccessedByLayers("Network", "Circles", "Analyses", "Scenarios", "Session")
            .whereLayer("Basics").mayOnlyBeAccessedByLayers("Io", "Network", "Circles", "Analyses", "Scenarios",
                "Session")
            .check(core);
    }

    @Test
    void no_cycles_between_packages() {
        slices().matching("org.eldercare.planner.(*)..").should().beFreeOfCycles().check(core);
    }

    @Test
    void only_network_and_planning_build_road_graphs() {
        noClasses().that().resideOutsideOfPackages(P + "network..", P + "planning..")
            .should().dependOnClassesThat().haveFullyQualifiedName(P + "network.RoadSegmentGraphBuilder")
            .orShould().dependOnClassesThat().haveFullyQualifiedName(P + "network.OsmGraphBuilder")
            .check(core);
    }
}
