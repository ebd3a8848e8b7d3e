/** Population coverage, administrative and spatial gaps, and capacity checks against a policy profile. */
package org.eldercare.planner.coverage;
