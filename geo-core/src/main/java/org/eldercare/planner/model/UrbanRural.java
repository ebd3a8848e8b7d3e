package org.eldercare.planner.model;

/**
 * Urban/rural class of a unit (NBS 城乡分类: codes 1xx urban, 2xx rural), used where targets differ for urban
 * communities and rural villages.
 */
public enum UrbanRural implements Labelled {
    /** 城镇 */
    URBAN,
    /** 乡村 */
    RURAL;

    public static UrbanRural parse(String field, String text) {
        if (text != null && text.strip().matches("\\d{3}")) {
            return text.strip().charAt(0) == '1' ? URBAN : RURAL;
        }
        return Enums.parse(UrbanRural.class, field, text);
    }
}
