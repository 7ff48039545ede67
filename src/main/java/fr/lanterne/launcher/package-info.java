/**
 * Starts Lanterne: the web application, or one command-line command inside a non-web application context.
 */
package fr.lanterne.launcher;
