package org.eldercare.planner.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Stream;
import org.eldercare.planner.model.AdminLevel;
import org.eldercare.planner.model.DistrictStatus;
import org.eldercare.planner.model.FacilityKind;
import org.eldercare.planner.model.InputProblem;
import org.eldercare.planner.model.UrbanRural;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The six shipped profiles load, and carry the values of POLICY-RULES.md §3–§5 with the clause they come from
 * (read from the Chinese originals in /work/shared/policy-docs). Bad files are rejected naming file and key.
 */
class PolicyProfilesTest {

    @Test
    void all_six_shipped_profiles_load_and_regional_ones_extend_national() {
        List<PolicyProfile> all = PolicyProfiles.builtIn();
        assertEquals(List.of("national", "changzhi-2019", "dongxiang-2020", "wendeng-2021", "wengan-2023",
            "wuzhong-2023"), all.stream().map(PolicyProfile::id).toList());
        for (PolicyProfile p : all.subList(1, all.size())) {
            assertEquals(Optional.of("national"), p.parent(), p.id());
            // inherited from the parent unless overridden
            assertTrue(p.findRule("circle.lifeCircle10.minutes").isPresent(), p.id());
        }
    }

    @ParameterizedTest(name = "{0} {1} = {2} {3} ({4} {5})")
    @CsvFileSource(resources = "/org/eldercare/planner/policy/documented-values.csv", numLinesToSkip = 1)
    void documented_value_with_its_citation(String profile, String ruleId, double value, String unit, String doc,
            String clause, Binding binding) {
        Rule r = PolicyProfiles.get(profile).getRule(ruleId);
        assertEquals(value, r.value(), 0.0);
        assertEquals(unit, r.unit());
        assertEquals(new Citation(doc, clause), r.citation());
        assertEquals(binding, r.binding());
        assertFalse(r.descriptionZh().isBlank());
        assertFalse(r.descriptionEn().isBlank());
    }

    @Test
    void wengan_typed_accessors() {
        PolicyProfile w = PolicyProfiles.get("wengan-2023");
        assertEquals(20, w.newDistrictM2Per100Households());
        assertEquals(15, w.existingDistrictM2Per100Households());
        assertEquals(350, w.singleSiteMinM2().getAsDouble());
        assertEquals(15, w.floorAreaRule(DistrictStatus.EXISTING).orElseThrow().value());
        PolicyProfile.PoolingParameters pool = w.pooling().orElseThrow();
        assertTrue(pool.smallMaxLandArea().assumption());
        assertTrue(pool.adjacentMaxDistance().assumption());
        assertEquals(20000, pool.smallMaxLandAreaM2());
        assertEquals(300, pool.adjacentMaxDistanceM());
        var staff = w.staffingRatios().orElseThrow();
        assertEquals(List.of(3.0, 6.0, 10.0),
            List.of(staff.fullyDisabledPerCarer(), staff.semiDisabledPerCarer(), staff.selfCarePerCarer()));
        var med = w.medicalRoomThresholds().orElseThrow();
        assertEquals(50, med.publicMinResidents());
        assertEquals(150, med.privateMinBeds());
        var reg = w.regionalInstitutionRules();
        assertEquals(80, reg.minBeds().getAsDouble());
        assertEquals(0.5, reg.closureMinOccupancyShare().getAsDouble());
        assertTrue(w.getRule("regional.maxDistanceToMedicalM").assumption());
        assertEquals(500, reg.maxDistanceToMedicalM().getAsDouble());
        assertTrue(reg.perCountyMin().isEmpty());
        assertEquals(0.66, w.nursingBedShare().getAsDouble());
        assertEquals(35, w.bedsPer1000Elderly().getAsDouble()); // inherited from national
    }

    @Test
    void walking_speed_is_a_profile_parameter_with_measured_speeds_in_the_note() {
        for (PolicyProfile p : PolicyProfiles.builtIn()) {
            assertEquals(1.0, p.elderlyWalkSpeedMps(), p.id());
            Rule r = p.getRule("walk.elderlySpeedMps");
            assertTrue(r.assumption());
            assertTrue(r.note().contains("0.76") && r.note().contains("0.64"), r.note());
            assertEquals(List.of(5.0, 10.0, 15.0), p.serviceCircleMinutesBands(), p.id());
        }
    }

    @Test
    void coverage_requirements_are_typed() {
        List<CoverageRequirement> wendeng = PolicyProfiles.get("wendeng-2021").coverageRequirements();
        assertEquals(5, wendeng.size());
        CoverageRequirement dayCare = wendeng.stream()
            .filter(c -> c.ruleId().equals("coverage.community.dayCareCentre")).findFirst().orElseThrow();
        assertEquals(0.9, dayCare.targetShare());
        assertEquals(Set.of(FacilityKind.DAY_CARE_CENTRE), dayCare.kinds());
        assertEquals(Set.of(AdminLevel.COMMUNITY), dayCare.adminLevels());
        assertEquals(Optional.of(UrbanRural.URBAN), dayCare.urbanRural());
        assertEquals(OptionalInt.of(2022), dayCare.year());
        assertEquals(new Citation("文登 2021", "§2(五)"), dayCare.citation());
        // township centre 50% end-2021, 100% end-2022
        assertEquals(List.of(0.5, 1.0), wendeng.stream().filter(c -> c.ruleId().startsWith("coverage.township"))
            .map(CoverageRequirement::targetShare).toList());
        CoverageRequirement wz = PolicyProfiles.get("wuzhong-2023").coverageRequirements().get(0);
        assertEquals(0.6, wz.targetShare());
        assertEquals(Binding.EXPECTED, wz.binding());
        assertEquals(Set.of(AdminLevel.TOWNSHIP, AdminLevel.STREET), wz.adminLevels());
        assertTrue(PolicyProfiles.get("national").coverageRequirements().isEmpty());
        assertEquals(0.9, PolicyProfiles.get("wuzhong-2023").careSplit9073().orElseThrow().homeShare());
    }

    @Test
    void getRule_names_rule_and_profile_findRule_is_empty() {
        PolicyProfile n = PolicyProfiles.get("national");
        var ex = assertThrows(NoSuchElementException.class, () -> n.getRule("district.singleSite.minM2"));
        assertTrue(ex.getMessage().contains("national") && ex.getMessage().contains("district.singleSite.minM2"),
            ex.getMessage());
        assertTrue(n.findRule("district.singleSite.minM2").isEmpty());
        assertTrue(n.pooling().isEmpty());
        var unknown = assertThrows(IllegalArgumentException.class, () -> PolicyProfiles.get("guixi-2030"));
        assertTrue(unknown.getMessage().contains("guixi-2030"));
    }

    // ---- user files ------------------------------------------------------------------------------------------

    @TempDir
    Path dir;

    private Path write(String name, String yaml) throws IOException {
        return Files.writeString(dir.resolve(name), yaml);
    }

    private static final String HEAD = "id: my\nname: {zh: 测试, en: test}\njurisdiction: 测试县\nextends: national\n";

    @Test
    void a_user_profile_overrides_one_value_and_inherits_the_rest() throws IOException {
        Path f = write("my.yaml", HEAD + """
            rules:
              district.floorArea.newPer100Households:
                value: 30
                unit: m2/100households
                source: {document: 某省 2022, clause: "§3"}
                binding: MANDATORY
            """);
        PolicyProfile p = PolicyProfiles.load(f);
        assertEquals(30, p.newDistrictM2Per100Households());
        assertEquals(new Citation("某省 2022", "§3"), p.getRule("district.floorArea.newPer100Households").citation());
        // description inherited from national, other rules too
        assertEquals(PolicyProfiles.get("national").getRule("district.floorArea.newPer100Households").descriptionEn(),
            p.getRule("district.floorArea.newPer100Households").descriptionEn());
        assertEquals(15, p.existingDistrictM2Per100Households());
    }

    static Stream<Arguments> badRules() {
        String ok = "    unit: m2\n    source: {document: X 2020, clause: §1}\n    binding: MANDATORY\n";
        return Stream.of(
            Arguments.of("rules:\n  district.singleSite.maxM2:\n    value: 1\n" + ok,
                "rules.district.singleSite.maxM2: unknown rule id"),
            Arguments.of("rules:\n  district.singleSite.minM2:\n    value: 350\n    unit: m²\n"
                + "    source: {document: X 2020, clause: §1}\n    binding: MANDATORY\n",
                "rules.district.singleSite.minM2.unit: expected 'm2', was 'm²'"),
            Arguments.of("rules:\n  district.singleSite.minM2:\n    value: 350\n    unit: m2\n    binding: MANDATORY\n",
                "rules.district.singleSite.minM2.source: required source"),
            Arguments.of("rules:\n  district.singleSite.minM2:\n    value: 350\n    unit: m2\n"
                + "    source: {document: X 2020}\n    binding: MANDATORY\n",
                "rules.district.singleSite.minM2.source.clause: required"),
            Arguments.of("rules:\n  district.singleSite.minM2:\n    value: 350\n    unit: m2\n"
                + "    source: {document: X 2020, clause: §1}\n    binding: STRICT\n",
                "rules.district.singleSite.minM2.binding: binding 'STRICT' is not one of"),
            Arguments.of("rules:\n  district.singleSite.minM2:\n    value: -5\n" + ok,
                "rules.district.singleSite.minM2.value: -5 is out of range"),
            Arguments.of("rules:\n  district.singleSite.minM2:\n    value: '350'\n" + ok,
                "rules.district.singleSite.minM2.value: required number"),
            Arguments.of("rules:\n  district.singleSite.minM2:\n    value: 350\n    assumption: true\n" + ok,
                "rules.district.singleSite.minM2.note: an assumption needs a note"),
            Arguments.of("rules:\n  coverage.x:\n    value: 0.5\n    unit: share\n"
                + "    source: {document: X 2020, clause: §1}\n    binding: TARGET\n",
                "rules.coverage.x.scope: coverage rules need a scope"),
            Arguments.of("rules:\n  coverage.x:\n    value: 0.5\n    unit: share\n"
                + "    source: {document: X 2020, clause: §1}\n    binding: TARGET\n"
                + "    scope: {kinds: [spa], adminLevels: [COMMUNITY]}\n",
                "rules.coverage.x.scope.kinds: unknown facility kind 'spa'"),
            Arguments.of("rules:\n  district.singleSite.minM2:\n    value: 350\n    colour: red\n" + ok,
                "rules.district.singleSite.minM2.colour: unknown key"));
    }

    @ParameterizedTest
    @MethodSource("badRules")
    void a_bad_rule_is_rejected_naming_file_and_key(String rules, String expected) throws IOException {
        Path f = write("my.yaml", HEAD + rules);
        ProfileException ex = assertThrows(ProfileException.class, () -> PolicyProfiles.load(f));
        assertTrue(ex.getMessage().contains("my.yaml: " + expected), ex.getMessage());
    }

    @Test
    void all_problems_are_reported_at_once() throws IOException {
        Path f = write("my.yaml", HEAD + "rules:\n  a.b:\n    value: 1\n  beds.per1000Elderly:\n    value: 35\n");
        ProfileException ex = assertThrows(ProfileException.class, () -> PolicyProfiles.load(f));
        // unknown id a.b; beds.per1000Elderly misses unit, source, binding
        assertEquals(4, ex.problems().size(), ex.getMessage());
        assertTrue(ex.problems().stream().allMatch(p -> p.file().equals("my.yaml")), ex.getMessage());
        assertEquals(List.of("rules.a.b", "rules.beds.per1000Elderly.unit", "rules.beds.per1000Elderly.source",
            "rules.beds.per1000Elderly.binding"), ex.problems().stream().map(InputProblem::field).toList());
    }

    @Test
    void unknown_parent_is_rejected() throws IOException {
        Path f = write("my.yaml", HEAD.replace("extends: national", "extends: atlantis") + "rules: {}\n");
        ProfileException ex = assertThrows(ProfileException.class, () -> PolicyProfiles.load(f));
        assertTrue(ex.getMessage().contains("my.yaml: extends: unknown parent profile 'atlantis'"), ex.getMessage());
    }

    @Test
    void extends_cycle_is_rejected() throws IOException {
        write("a.yaml", "id: a\nname: {zh: 甲, en: a}\njurisdiction: x\nextends: b\nrules: {}\n");
        write("b.yaml", "id: b\nname: {zh: 乙, en: b}\njurisdiction: x\nextends: a\nrules: {}\n");
        ProfileException ex = assertThrows(ProfileException.class, () -> PolicyProfiles.load(dir.resolve("a.yaml")));
        assertTrue(ex.getMessage().contains("b.yaml: extends: cycle a -> b -> a"), ex.getMessage());
    }

    @Test
    void missing_top_level_keys_are_named() throws IOException {
        Path f = write("my.yaml", "name: {zh: 测试}\nrules: {}\n");
        ProfileException ex = assertThrows(ProfileException.class, () -> PolicyProfiles.load(f));
        assertTrue(ex.getMessage().contains("my.yaml: id: required"), ex.getMessage());
        assertTrue(ex.getMessage().contains("my.yaml: name.en: required"), ex.getMessage());
        assertTrue(ex.getMessage().contains("my.yaml: jurisdiction: required"), ex.getMessage());
    }
}
