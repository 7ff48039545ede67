package fr.lanterne.authorities;

/**
 * A public body a request can be sent to: a town hall, a préfecture, a région, a transport operator...
 *
 * @param communeInsee the commune it serves (town hall) or sits in
 * @param active false for the town hall of a commune that no longer exists (kept for the requests sent to it)
 */
public record Authority(long id, String code, AuthorityKind kind, String name, String communeInsee, String departement,
                        String region, boolean active, Contact contact) {
}
