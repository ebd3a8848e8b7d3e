package org.eldercare.planner.model;

/** Level of an administrative unit in the Chinese hierarchy, with its Chinese name. */
public enum AdminLevel {
    CITY("市"),
    COUNTY("县/区"),
    TOWNSHIP("乡镇"),
    STREET("街道"),
    COMMUNITY("社区"),
    VILLAGE("村");

    private final String nameZh;

    AdminLevel(String nameZh) {
        this.nameZh = nameZh;
    }

    public String nameZh() {
        return nameZh;
    }

    /** Township or street (乡镇/街道): the middle tier of the planning hierarchy. */
    public boolean isTownshipTier() {
        return this == TOWNSHIP || this == STREET;
    }

    /** Community or village (社区/村): the bottom tier. */
    public boolean isCommunityTier() {
        return this == COMMUNITY || this == VILLAGE;
    }

    /** Parses an enum name or its lower-case form ({@code street}); throws naming the accepted values. */
    public static AdminLevel parse(String field, String text) {
        return Enums.parse(AdminLevel.class, field, text);
    }
}
