package org.eldercare.planner.model;

/** Who runs a facility: public (公办), publicly built and privately run (公建民营), or private (民办). */
public enum Operator {
    PUBLIC("公办"),
    PUBLIC_BUILT_PRIVATE_RUN("公建民营"),
    PRIVATE("民办");

    private final String nameZh;

    Operator(String nameZh) {
        this.nameZh = nameZh;
    }

    public String nameZh() {
        return nameZh;
    }

    public static Operator parse(String field, String text) {
        for (Operator o : values()) {
            if (text != null && o.nameZh.equals(text.strip())) {
                return o;
            }
        }
        return Enums.parse(Operator.class, field, text);
    }
}
