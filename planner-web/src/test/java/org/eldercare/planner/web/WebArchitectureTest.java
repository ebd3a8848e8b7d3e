package org.eldercare.planner.web;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** planner-web only wires HTTP and the command line to geo-core: it never computes geometry itself. */
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
}
