package org.eldercare.planner.web.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Range-checked converters for numeric options, so that an out-of-range value is a picocli parse error: one line
 * naming the option, exit {@link PlannerCli#EXIT_BAD_INPUT}, before any file is read. Use as
 * {@code @Option(names = "--port", converter = OptionRanges.Port.class)}.
 */
final class OptionRanges {
    private OptionRanges() {}

    /** A TCP port in [0, 65535]; 0 picks any free port. */
    static final class Port implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            return wholeIn(value, 0, 65_535, "a port in [0, 65535]");
        }
    }

    /** A whole number ≥ 1 (a count such as p). */
    static final class PositiveInt implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            return wholeIn(value, 1, Integer.MAX_VALUE, "a whole number >= 1");
        }
    }

    /** A whole number ≥ 0 (a queue length). */
    static final class NonNegativeInt implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            return wholeIn(value, 0, Integer.MAX_VALUE, "a whole number >= 0");
        }
    }

    /** A finite number > 0 (minutes, speeds, time limits, budgets). */
    static final class Positive implements ITypeConverter<Double> {
        @Override
        public Double convert(String value) {
            double v = number(value);
            if (!(v > 0)) {
                throw new TypeConversionException("must be a number > 0, was " + value);
            }
            return v;
        }
    }

    /** A finite number ≥ 0 (buffers, distances, costs). */
    static final class NonNegative implements ITypeConverter<Double> {
        @Override
        public Double convert(String value) {
            double v = number(value);
            if (v < 0) {
                throw new TypeConversionException("must be a number >= 0, was " + value);
            }
            return v;
        }
    }

    private static int wholeIn(String value, int min, int max, String what) {
        long v;
        try {
            v = Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new TypeConversionException("must be " + what + ", was '" + value + "'");
        }
        if (v < min || v > max) {
            throw new TypeConversionException("must be " + what + ", was " + value);
        }
        return (int) v;
    }

    private static double number(String value) {
        double v;
        try {
            v = Double.parseDouble(value.strip());
        } catch (NumberFormatException e) {
            throw new TypeConversionException("must be a number, was '" + value + "'");
        }
        if (!Double.isFinite(v)) {
            throw new TypeConversionException("must be a finite number, was " + value);
        }
        return v;
    }
}
