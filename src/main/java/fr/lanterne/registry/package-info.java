/**
 * The deployment registry: which authority deploys which surveillance technology, from which vendor, with the sources that document it.
 */
package fr.lanterne.registry;
