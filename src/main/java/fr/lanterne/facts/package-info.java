/**
 * Facts read in the documents that come back: amounts, dates and durations, contract and lot numbers, SIRET and CPV
 * codes, numbers of cameras, vendors and products, legal bases, each with its page and passage; a volunteer confirms
 * one into the deployment it documents.
 */
@LanterneModule(
        api = {Fact.class, FactKind.class, Facts.class},
        uses = {"ingest", "registry", "shared"})
package fr.lanterne.facts;

import fr.lanterne.LanterneModule;
