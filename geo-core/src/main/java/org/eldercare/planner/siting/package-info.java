/**
 * Location-allocation for regional institutions: LSCP, LSCP-B (backup coverage), MCLP, p-median, p-center and
 * capacitated p-median; cost matrices from CSV ({@link org.eldercare.planner.siting.MatrixCsv}).
 */
package org.eldercare.planner.siting;
