/**
 * Letter templates and their rendering to print-ready PDF and to email text.
 */
package fr.lanterne.letters;
