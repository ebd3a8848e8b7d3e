/** Facts of an administrative unit read straight from the loaded data (counts, beds per 1000 elderly); no analysis. */
package org.eldercare.planner.summary;
