/**
 * The REST API under /api: JSON in, JSON out, refusals as RFC 9457 problem documents.
 */
package fr.lanterne.web.api;
