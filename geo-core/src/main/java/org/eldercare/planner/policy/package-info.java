/** Policy profiles: rules with values, units, bindings and citations to the policy documents, and Findings measured against them. */
package org.eldercare.planner.policy;
