/**
 * The command line: parses arguments, then runs one command inside a non-web application context.
 */
package fr.lanterne.cli;
