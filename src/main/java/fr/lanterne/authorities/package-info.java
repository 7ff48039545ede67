/**
 * Public bodies a request can be sent to: the official list of French communes, their town halls, préfectures, régions and other bodies, and their contact addresses.
 */
package fr.lanterne.authorities;
