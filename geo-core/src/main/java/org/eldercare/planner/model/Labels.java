package org.eldercare.planner.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * Chinese names of enum constants ({@link AdminLevel}, {@link Operator}, {@code policy.Binding}, …), kept in one
 * resource, {@code labels_zh.properties} next to this class, keyed {@code <enum simple name>.<constant>}. Chinese is
 * the primary language of the map and of the policy documents, so these names are also accepted when parsing.
 */
public final class Labels {
    static final String RESOURCE = "labels_zh.properties";
    private static final Properties ZH = load();

    private Labels() {}

    /**
     * The Chinese name of a constant, e.g. 公办 for {@link Operator#PUBLIC}.
     *
     * @throws IllegalStateException when the resource has no entry for it (a build defect, caught by a test)
     */
    public static String zh(Enum<?> constant) {
        String key = key(constant);
        String label = ZH.getProperty(key);
        if (label == null) {
            throw new IllegalStateException("no Chinese label for " + key + " in " + RESOURCE);
        }
        return label;
    }

    /** The constant of {@code type} whose Chinese name is {@code text} (stripped), or null. */
    public static <E extends Enum<E>> E byZh(Class<E> type, String text) {
        if (text == null) {
            return null;
        }
        String t = text.strip();
        for (E e : type.getEnumConstants()) {
            if (t.equals(ZH.getProperty(key(e)))) {
                return e;
            }
        }
        return null;
    }

    static String key(Enum<?> constant) {
        return constant.getDeclaringClass().getSimpleName() + "." + constant.name();
    }

    static Properties all() {
        Properties copy = new Properties();
        copy.putAll(ZH);
        return copy;
    }

    private static Properties load() {
        Properties p = new Properties();
        try (InputStream in = Labels.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE + " next to " + Labels.class.getName());
            }
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
        return p;
    }
}
