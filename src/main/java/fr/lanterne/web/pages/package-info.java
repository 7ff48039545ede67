/**
 * The French web pages (English on request), rendered on the server with Thymeleaf.
 */
package fr.lanterne.web.pages;
