package org.eldercare.planner.model;

/** Kinds of medical facility relevant to siting elderly-care institutions next to medical care. */
public enum MedicalKind implements Labelled {
    /** 二级及以上医院 */
    HOSPITAL,
    /** 乡镇卫生院 */
    TOWNSHIP_HEALTH_CENTRE,
    /** 社区卫生服务站 */
    COMMUNITY_HEALTH_STATION,
    /** 村卫生室 */
    VILLAGE_CLINIC;

    public static MedicalKind parse(String field, String text) {
        return Enums.parse(MedicalKind.class, field, text);
    }
}
