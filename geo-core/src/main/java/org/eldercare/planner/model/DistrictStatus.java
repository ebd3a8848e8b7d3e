package org.eldercare.planner.model;

/** Whether a residential district is newly built (新建) or existing / old city (已建成/老城区). */
public enum DistrictStatus {
    NEW("新建"),
    EXISTING("已建成");

    private final String nameZh;

    DistrictStatus(String nameZh) {
        this.nameZh = nameZh;
    }

    public String nameZh() {
        return nameZh;
    }

    public static DistrictStatus parse(String field, String text) {
        if (text != null) {
            String t = text.strip();
            if (t.equals("新建") || t.equals("新区")) {
                return NEW;
            }
            if (t.equals("已建成") || t.equals("既有") || t.equals("老旧") || t.equals("老城区")) {
                return EXISTING;
            }
        }
        return Enums.parse(DistrictStatus.class, field, text);
    }
}
