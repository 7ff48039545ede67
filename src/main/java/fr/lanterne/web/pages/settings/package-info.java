/** The setup pages of administrators: who signs the requests (the requester identity), Lanterne's public address. */
package fr.lanterne.web.pages.settings;
