package org.eldercare.planner.model;

/** Level of an administrative unit in the Chinese hierarchy, with its Chinese name. */
public enum AdminLevel implements Labelled {
    /** 市 */
    CITY,
    /** 县/区 */
    COUNTY,
    /** 乡镇 */
    TOWNSHIP,
    /** 街道 */
    STREET,
    /** 社区 */
    COMMUNITY,
    /** 村 */
    VILLAGE;

    /** Depth in the planning hierarchy: 0 city, 1 county, 2 township/street, 3 community/village. */
    public int tier() {
        return switch (this) {
            case CITY -> 0;
            case COUNTY -> 1;
            case TOWNSHIP, STREET -> 2;
            case COMMUNITY, VILLAGE -> 3;
        };
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
