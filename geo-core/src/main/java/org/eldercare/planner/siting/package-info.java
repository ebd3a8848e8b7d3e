/** Location-allocation for regional institutions: LSCP, MCLP, p-median, p-center and capacitated p-median. */
package org.eldercare.planner.siting;
