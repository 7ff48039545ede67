/**
 * Accounts in the browser: administrators create them, set their role and group, disable them and send password
 * links; everyone has a profile (their password, their calendar address); a one-time link lets a person choose
 * their password.
 */
package fr.lanterne.web.pages.accounts;
