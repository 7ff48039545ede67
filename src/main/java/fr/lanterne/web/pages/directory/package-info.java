/** The administrators' page that imports town-hall addresses (the DILA directory, or the volunteers' list). */
package fr.lanterne.web.pages.directory;
