/**
 * What modules implement to offer command-line commands (the launcher runs them).
 */
package fr.lanterne.cli;
