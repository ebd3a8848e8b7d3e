/** HTTP handlers, one class per resource; they only translate HTTP to geo-core calls. */
package org.eldercare.planner.web.api;
