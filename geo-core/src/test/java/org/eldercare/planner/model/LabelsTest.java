package org.eldercare.planner.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.eldercare.planner.policy.Binding;
import org.junit.jupiter.api.Test;

class LabelsTest {
    private static final List<Class<? extends Enum<?>>> LABELLED = List.of(AdminLevel.class, DistrictStatus.class,
        MedicalKind.class, Operator.class, UrbanRural.class, Binding.class);

    @Test
    void everyLabelledConstantHasExactlyTheEntriesOfTheResource() {
        Set<String> expected = new TreeSet<>();
        for (Class<? extends Enum<?>> type : LABELLED) {
            assertTrue(Labelled.class.isAssignableFrom(type), type + " implements Labelled");
            for (Enum<?> e : type.getEnumConstants()) {
                expected.add(Labels.key(e));
                assertTrue(!((Labelled) e).nameZh().isBlank(), Labels.key(e));
            }
        }
        assertEquals(expected, new TreeSet<>(Labels.all().stringPropertyNames()),
            "labels_zh.properties has one entry per constant of a labelled enum, and no others");
    }

    @Test
    void namesReadAsUtf8AndParseBack() {
        assertEquals("公建民营", Operator.PUBLIC_BUILT_PRIVATE_RUN.nameZh());
        assertEquals("县/区", AdminLevel.COUNTY.nameZh());
        assertEquals(Operator.PUBLIC_BUILT_PRIVATE_RUN, Operator.parse("operator", " 公建民营 "));
        assertEquals(AdminLevel.STREET, AdminLevel.parse("level", "街道"));
        assertEquals(UrbanRural.RURAL, UrbanRural.parse("urbanRural", "乡村"));
        assertEquals(UrbanRural.URBAN, UrbanRural.parse("urbanRural", "111"));
        assertEquals(MedicalKind.VILLAGE_CLINIC, MedicalKind.parse("kind", "village-clinic"));
        assertEquals(DistrictStatus.EXISTING, DistrictStatus.parse("status", "老城区"));
        assertEquals(DistrictStatus.NEW, DistrictStatus.parse("status", "新建"));
        assertEquals(Binding.EXPECTED, Binding.parse("预期性"));
    }

    @Test
    void anUnknownValueNamesTheFieldAndTheAcceptedValues() {
        InvalidValueException e = assertThrows(InvalidValueException.class, () -> Operator.parse("operator", "国营"));
        assertTrue(e.getMessage().contains("operator"), e.getMessage());
        assertTrue(e.getMessage().contains("public_built_private_run"), e.getMessage());
        assertThrows(InvalidValueException.class, () -> DistrictStatus.parse("status", null));
    }
}
