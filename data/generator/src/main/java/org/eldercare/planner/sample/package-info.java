/** Reproducible generator of the 贵溪市 (Guixi, 360681) sample county in {@code data/}: real outline, codes, census totals and OSM roads, plus synthetic polygons, demand, districts and facilities labelled {@code synthetic}. */
package org.eldercare.planner.sample;
