package fr.lanterne.authorities;

/** An authority's identity, without its address: what lists of other modules show. */
public record AuthorityRef(long id, String code, AuthorityKind kind, String name, String communeInsee) {
}
