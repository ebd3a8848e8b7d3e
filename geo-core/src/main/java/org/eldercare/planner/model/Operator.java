package org.eldercare.planner.model;

/** Who runs a facility: public (公办), publicly built and privately run (公建民营), or private (民办). */
public enum Operator implements Labelled {
    /** 公办 */
    PUBLIC,
    /** 公建民营 */
    PUBLIC_BUILT_PRIVATE_RUN,
    /** 民办 */
    PRIVATE;

    public static Operator parse(String field, String text) {
        return Enums.parse(Operator.class, field, text);
    }
}
