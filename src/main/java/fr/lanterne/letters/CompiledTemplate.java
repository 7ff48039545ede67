package fr.lanterne.letters;

/** A template with its subject and body parsed once, when the templates load. */
record CompiledTemplate(LetterTemplate template, Markup subject, Markup body) {
}
