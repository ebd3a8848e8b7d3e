package org.eldercare.planner.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Kinds of elderly-service facility, in the policy documents' vocabulary. Each has a stable English id (used in
 * files, URLs and policy profiles) and its Chinese name.
 */
public enum FacilityKind {
    COUNTY_WELFARE_CENTRE("county-welfare-centre", "县级社会福利中心/养老服务中心", true),
    REGIONAL_CENTRE("regional-centre", "区域性养老服务中心/中心敬老院", true),
    TOWNSHIP_NURSING_HOME("township-nursing-home", "乡镇敬老院", true),
    COMPREHENSIVE_CENTRE("comprehensive-centre", "乡镇/街道综合养老服务中心", false),
    EMBEDDED_INSTITUTION("embedded-institution", "嵌入式养老机构", true),
    DAY_CARE_CENTRE("day-care-centre", "日间照料中心", false),
    SERVICE_STATION("service-station", "社区养老服务站/幸福驿站", false),
    RURAL_MUTUAL_AID("rural-mutual-aid", "农村互助养老服务点/幸福院", false),
    CANTEEN("canteen", "老年餐桌/社区食堂", false),
    ACTIVITY_CENTRE("activity-centre", "老年人活动中心", false),
    PRIVATE_INSTITUTION("private-institution", "民办养老机构", true);

    private final String id;
    private final String nameZh;
    private final boolean institution;

    FacilityKind(String id, String nameZh, boolean institution) {
        this.id = id;
        this.nameZh = nameZh;
        this.institution = institution;
    }

    /** Stable English id, e.g. {@code day-care-centre}. */
    public String id() {
        return id;
    }

    /** Chinese name, e.g. 日间照料中心. */
    public String nameZh() {
        return nameZh;
    }

    /** True for residential institutions that provide beds (养老机构). */
    public boolean isInstitution() {
        return institution;
    }

    /**
     * Parses an id ({@code day-care-centre}), an enum name ({@code DAY_CARE_CENTRE}) or the Chinese name or one of
     * its slash-separated parts ({@code 日间照料中心}, {@code 幸福驿站}).
     */
    public static FacilityKind parse(String field, String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidValueException(field, text, "is required but missing");
        }
        String t = text.strip();
        for (FacilityKind k : values()) {
            if (k.id.equalsIgnoreCase(t) || k.name().equalsIgnoreCase(t.replace('-', '_'))) {
                return k;
            }
            for (String part : k.nameZh.split("/")) {
                if (part.equals(t) || k.nameZh.equals(t)) {
                    return k;
                }
            }
        }
        throw new InvalidValueException(field, text, "unknown facility kind '" + text + "', expected one of: "
            + Arrays.stream(values()).map(FacilityKind::id).collect(Collectors.joining(", ")));
    }

    @Override
    public String toString() {
        return id.toLowerCase(Locale.ROOT);
    }
}
