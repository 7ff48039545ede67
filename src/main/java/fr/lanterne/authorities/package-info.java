/**
 * Public bodies a request can be sent to: the official list of French communes, their town halls, préfectures, régions and other bodies, and their contact addresses.
 */
@LanterneModule(
        api = {Authorities.class, AuthoritiesCommand.class, Authority.class, AuthorityCodes.class,
                AuthorityDuties.class, AuthorityKind.class, AuthorityRef.class, Commune.class, CommuneKind.class,
                CommuneNotFoundException.class, Contact.class, ContactDetails.class, ContactImportProblem.class,
                ContactImportProgress.class, ContactImportReport.class, ContactSource.class, DepartementName.class,
                Epci.class, FrenchPostalAddress.class, InseeCode.class, OfficialCommuneList.class, PradaRule.class,
                Provenance.class, PublicationDuty.class},
        uses = {"cli", "shared"})
package fr.lanterne.authorities;

import fr.lanterne.LanterneModule;
