package fr.lanterne.authorities;

/** A département's code and name ("06", "Alpes-Maritimes"), for lists to choose from. */
public record DepartementName(String code, String name) {
}
