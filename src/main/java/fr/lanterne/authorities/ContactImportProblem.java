package fr.lanterne.authorities;

/**
 * A line that kept a file of contacts from being imported.
 *
 * @param line the line of the file (the entry's position, for a JSON file)
 * @param reason what is wrong with it, in French
 */
public record ContactImportProblem(int line, String reason) {
}
