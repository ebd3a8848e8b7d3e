/**
 * Accounts, sessions, CSRF, access rules and the audit log of a shared server (docs/security.md). Who may do what is
 * decided in one place, {@link org.eldercare.planner.web.auth.AccessRules} applied by
 * {@link org.eldercare.planner.web.auth.WebSecurity}'s before-handler; every state-changing request is written to
 * the {@link org.eldercare.planner.web.auth.AuditLog} by its after-handler.
 */
package org.eldercare.planner.web.auth;
