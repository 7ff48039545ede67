/**
 * The registry pages: browse the deployments, read one with its sources and history, and, for volunteers, create,
 * edit, delete them and cite sources (web pages, documents obtained through Lanterne).
 */
package fr.lanterne.web.pages.registry;
