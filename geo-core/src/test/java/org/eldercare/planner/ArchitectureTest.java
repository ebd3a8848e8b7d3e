package org.eldercare.planner;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** geo-core stays a library: no web, no CLI, and packages only depend downwards (see ARCHITECTURE). */
class ArchitectureTest {
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
        noClasses().that().resideInAPackage("org.eldercare.planner.model..")
            .should().dependOnClassesThat().resideInAnyPackage(
                "org.eldercare.planner.io..", "org.eldercare.planner.crs..", "org.eldercare.planner.policy..",
                "org.eldercare.planner.network..", "org.eldercare.planner.circle..", "org.eldercare.planner.coverage..",
                "org.eldercare.planner.zoning..", "org.eldercare.planner.siting..", "org.eldercare.planner.scenario..",
                "org.eldercare.planner.store..")
            .check(core);
    }

    @Test
    void policy_depends_on_nothing_else_of_ours_but_model() {
        noClasses().that().resideInAPackage("org.eldercare.planner.policy..")
            .should().dependOnClassesThat().resideInAnyPackage(
                "org.eldercare.planner.network..", "org.eldercare.planner.circle..", "org.eldercare.planner.coverage..",
                "org.eldercare.planner.zoning..", "org.eldercare.planner.siting..", "org.eldercare.planner.scenario..",
                "org.eldercare.planner.store..")
            .check(core);
    }

    @Test
    void analyses_never_depend_on_scenarios_or_stores() {
        noClasses().that().resideInAnyPackage("org.eldercare.planner.network..", "org.eldercare.planner.circle..",
                "org.eldercare.planner.coverage..", "org.eldercare.planner.zoning..", "org.eldercare.planner.siting..")
            .should().dependOnClassesThat().resideInAnyPackage(
                "org.eldercare.planner.scenario..", "org.eldercare.planner.store..")
            .check(core);
    }
}
