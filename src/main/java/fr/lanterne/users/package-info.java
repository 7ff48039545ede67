/**
 * The people who use Lanterne, their roles and hashed passwords.
 */
package fr.lanterne.users;
