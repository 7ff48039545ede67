/**
 * The audit log: every change made through the pages or the API, who made it, when, from where, with what result.
 * Each module keeps the detail of its own changes (a request's timeline, a deployment's history); this log puts
 * every change in one place.
 */
@LanterneModule(api = {AuditLog.class})
package fr.lanterne.audit;

import fr.lanterne.LanterneModule;
