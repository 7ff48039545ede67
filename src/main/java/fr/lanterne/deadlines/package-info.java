/**
 * The legal calendar of the CRPA chain, counted as French law counts, and the nightly job.
 */
package fr.lanterne.deadlines;
