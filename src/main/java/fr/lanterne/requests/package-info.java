/**
 * Public-records requests: their references, letters, timelines and states, campaigns, sending and receipt dates.
 */
package fr.lanterne.requests;
