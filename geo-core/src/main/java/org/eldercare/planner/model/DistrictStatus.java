package org.eldercare.planner.model;

/** Whether a residential district is newly built (新建) or existing / old city (已建成/老城区). */
public enum DistrictStatus implements Labelled {
    /** 新建 */
    NEW,
    /** 已建成 */
    EXISTING;

    /** Parses the enum name, its Chinese name, or one of the documents' synonyms (新区; 既有, 老旧, 老城区). */
    public static DistrictStatus parse(String field, String text) {
        String t = text == null ? "" : text.strip();
        return switch (t) {
            case "新区" -> NEW;
            case "既有", "老旧", "老城区" -> EXISTING;
            default -> Enums.parse(DistrictStatus.class, field, text);
        };
    }
}
