package org.eldercare.planner.coverage;

/**
 * Elderly people within one travel-time band of the nearest service facility. Immutable.
 *
 * @param minutes   upper end of the band in minutes (inclusive: a point at exactly 15.0 minutes is inside 15)
 * @param elderly   residents aged 60+ within the band
 * @param age80plus residents aged 80+ within the band
 * @param disabled  disabled and semi-disabled elderly within the band
 */
public record BandCoverage(double minutes, double elderly, double age80plus, double disabled) {}
