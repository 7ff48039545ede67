package fr.lanterne.database;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a second start on the same data directory into a message that says what to do. */
class DataDirectoryInUseFailureAnalyzer extends AbstractFailureAnalyzer<DataDirectoryInUseException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, DataDirectoryInUseException cause) {
        return new FailureAnalysis(
                "Lanterne est déjà lancé sur ce dossier de données (processus " + cause.pid() + ", base dans "
                        + cause.folder() + "). Deux serveurs sur les mêmes fichiers corrompraient la base.",
                "Arrêtez l'autre Lanterne, ou lancez celui-ci sur un autre dossier avec --lanterne.data-dir=CHEMIN. "
                        + "Les commandes en ligne (java -jar lanterne.jar COMMANDE) peuvent, elles, tourner à côté du "
                        + "serveur.",
                cause);
    }
}
