/**
 * The web layer: security, locale, and the status of each kind of refusal; pages and API in sub-packages.
 */
package fr.lanterne.web;
