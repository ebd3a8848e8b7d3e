package org.eldercare.planner.model;

/** Kinds of medical facility relevant to siting elderly-care institutions next to medical care. */
public enum MedicalKind {
    HOSPITAL("二级及以上医院"),
    TOWNSHIP_HEALTH_CENTRE("乡镇卫生院"),
    COMMUNITY_HEALTH_STATION("社区卫生服务站"),
    VILLAGE_CLINIC("村卫生室");

    private final String nameZh;

    MedicalKind(String nameZh) {
        this.nameZh = nameZh;
    }

    public String nameZh() {
        return nameZh;
    }

    public static MedicalKind parse(String field, String text) {
        for (MedicalKind k : values()) {
            if (text != null && k.nameZh.equals(text.strip())) {
                return k;
            }
        }
        return Enums.parse(MedicalKind.class, field, text);
    }
}
