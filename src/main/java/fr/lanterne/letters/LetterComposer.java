package fr.lanterne.letters;

import fr.lanterne.shared.FrenchDates;
import fr.lanterne.shared.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Fills a template in with a letter's values. Stateless apart from the loaded templates: thread-safe. */
final class LetterComposer {

    private final LetterTemplates templates;

    LetterComposer(LetterTemplates templates) {
        this.templates = templates;
    }

    Letter compose(String templateId, LetterContext context) {
        CompiledTemplate template = templates.compiled(templateId);
        LetterTemplate meta = template.template();
        CompiledTemplate request = switch (meta.kind()) {
            case REQUEST -> template;
            case REMINDER, REFERRAL, SERIES_INFORMATION -> priorRequestTemplate(meta, context);
            case SERIES_REFERRAL -> seriesTemplate(meta, context);
        };
        Addressee recipient = meta.recipient() != null ? meta.recipient() : context.authority();
        if (recipient == null) {
            throw new InvalidInputException("La lettre « " + meta.id() + " » s'adresse à l'organisme concerné : "
                    + "indiquez-le (nom et adresse).", Map.of("template", meta.id()));
        }
        LetterValues values = new LetterValues(meta.id(), context, request);
        String subject = template.subject().render(values).replace("\n", ", ").strip();
        List<String> body = paragraphs(template.body().render(values));

        List<String> sender = new ArrayList<>();
        Requester requester = context.requester();
        requester.checkReal();
        sender.add(requester.name());
        sender.addAll(requester.details());
        sender.addAll(Text.lines(requester.postalAddress()));
        sender.add(requester.email());
        List<String> recipientLines = new ArrayList<>();
        recipientLines.add(recipient.name());
        recipientLines.addAll(Text.lines(recipient.postalAddress()));
        if (recipient.postalAddress() == null) {
            recipientLines.add(recipient.email());
        }
        // Where a PRADA is due, it receives the requests (CRPA R330-4): the letter is for their attention.
        String attention = recipient.prada() ? fr.lanterne.authorities.AuthorityDuties.PRADA_ATTENTION : null;
        return new Letter(meta.id(), sender, recipientLines, context.place(), context.date(), context.reference(),
                subject, body, List.of(requester.name()), attention);
    }

    private CompiledTemplate priorRequestTemplate(LetterTemplate meta, LetterContext context) {
        PriorRequest prior = context.priorRequest();
        if (prior == null) {
            throw new InvalidInputException("La lettre « " + meta.id() + " » (" + meta.kind().label() + ") porte sur "
                    + "une demande déjà envoyée : indiquez cette demande (modèle, date d'envoi, date de réception si "
                    + "elle est connue, date du refus).", Map.of("template", meta.id()));
        }
        boolean refused = prior.refusalDate() != null;
        // Only the information letter of a series may recall a request that was not refused.
        if (!refused && meta.kind() != TemplateKind.SERIES_INFORMATION) {
            throw new InvalidInputException("La lettre « " + meta.id() + " » (" + meta.kind().label() + ") a "
                    + "besoin de la date du refus de la demande.", Map.of("template", meta.id()));
        }
        if (refused && meta.kind() == TemplateKind.REMINDER && !prior.implicitRefusal()) {
            throw new InvalidInputException("Une relance sert pour une demande restée sans réponse ; après un "
                    + "refus exprès, saisissez la CADA (modèle saisine-cada).");
        }
        if (refused && meta.kind() == TemplateKind.REMINDER && !context.date().isBefore(prior.refusalDate())) {
            throw new InvalidInputException("Une relance part avant la naissance du refus implicite, le "
                    + FrenchDates.format(prior.refusalDate()) + " : après cette date, saisissez la CADA "
                    + "(modèle saisine-cada, article R343-1 du CRPA).");
        }
        if (refused && meta.kind() != TemplateKind.REMINDER && context.date().isBefore(prior.refusalDate())) {
            throw new InvalidInputException("La CADA ne peut être saisie qu'après le refus, né le "
                    + FrenchDates.format(prior.refusalDate()) + " (articles L342-1 et R343-1 du CRPA) : datez la "
                    + "saisine de ce jour ou plus tard.");
        }
        return requestTemplate(prior.templateId(), meta);
    }

    private CompiledTemplate seriesTemplate(LetterTemplate meta, LetterContext context) {
        Series series = context.series();
        if (series == null) {
            throw new InvalidInputException("La lettre « " + meta.id() + " » porte sur une série d'au moins "
                    + Series.MINIMUM + " demandes : indiquez-les (organisme, courriel ou adresse, dates de la "
                    + "demande et du refus).", Map.of("template", meta.id()));
        }
        for (SeriesEntry entry : series.entries()) {
            if (entry.referred() && context.date().isBefore(entry.refusalDate())) {
                throw new InvalidInputException("La demande à « " + entry.authorityName() + " » n'est refusée que le "
                        + FrenchDates.format(entry.refusalDate()) + " : la saisine en série ne peut pas être datée "
                        + "d'avant ce refus.");
            }
        }
        return requestTemplate(series.templateId(), meta);
    }

    private CompiledTemplate requestTemplate(String id, LetterTemplate referring) {
        CompiledTemplate request = templates.compiled(id);
        if (request.template().kind() != TemplateKind.REQUEST) {
            throw new InvalidInputException("« " + id + " » n'est pas un modèle de demande : la lettre « "
                    + referring.id() + " » reprend la liste de documents d'une demande (modèles : "
                    + String.join(", ", templates.ofKind(TemplateKind.REQUEST).stream()
                    .map(LetterTemplate::id).toList()) + ").");
        }
        return request;
    }

    /** Paragraphs are separated by blank lines; lines keep their breaks, without surrounding spaces. */
    static List<String> paragraphs(String text) {
        List<String> paragraphs = new ArrayList<>();
        StringBuilder paragraph = new StringBuilder(512);
        int start = 0;
        int length = text.length();
        while (start <= length) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = length;
            }
            String line = text.substring(start, end).strip();
            if (line.isEmpty()) {
                if (paragraph.length() > 0) {
                    paragraphs.add(paragraph.toString());
                    paragraph.setLength(0);
                }
            } else {
                if (paragraph.length() > 0) {
                    paragraph.append('\n');
                }
                paragraph.append(line);
            }
            start = end + 1;
        }
        if (paragraph.length() > 0) {
            paragraphs.add(paragraph.toString());
        }
        return paragraphs;
    }

    /** The values of one letter, looked up by placeholder with a switch: no reflection, nothing parsed. */
    private static final class LetterValues implements Markup.Values {

        private final String templateId;
        private final LetterContext context;
        private final CompiledTemplate request;
        private List<Markup.Item> documents;
        private List<Markup.Item> entries;

        LetterValues(String templateId, LetterContext context, CompiledTemplate request) {
            this.templateId = templateId;
            this.context = context;
            this.request = request;
        }

        @Override
        public String text(Placeholder placeholder, Markup.Item item) {
            Addressee authority = context.authority();
            PriorRequest prior = context.priorRequest();
            return switch (placeholder) {
                case AUTHORITY_NAME -> authority == null ? null : authority.name();
                case AUTHORITY_ADDRESS -> authority == null ? null : authority.postalAddress();
                case AUTHORITY_EMAIL -> authority == null ? null : authority.email();
                case REQUESTER_NAME -> context.requester().name();
                case REQUESTER_ADDRESS -> context.requester().postalAddress();
                case REQUESTER_DETAILS -> context.requester().details().isEmpty() ? null
                        : String.join("\n", context.requester().details());
                case REQUESTER_EMAIL -> context.requester().email();
                case REFERENCE -> context.reference();
                case DATE -> FrenchDates.format(context.date());
                case PLACE -> context.place();
                case DOCUMENT_NUMBER, ENTRY_NUMBER -> Integer.toString(item.number());
                case DOCUMENT_TEXT -> (String) item.value();
                case REQUEST_DATE -> prior == null ? null : FrenchDates.format(prior.sentOn());
                case REQUEST_RECEIVED_DATE -> prior == null || prior.receivedOn() == null
                        ? null : FrenchDates.format(prior.receivedOn());
                case REQUEST_SUBJECT -> request.subject().render(this).replace("\n", ", ").strip();
                case REFUSAL_DATE -> prior == null || prior.refusalDate() == null
                        ? null : FrenchDates.format(prior.refusalDate());
                case SERIES_COUNT -> context.series() == null ? null
                        : Integer.toString(context.series().entries().size());
                case ENTRY_AUTHORITY -> entry(item).authorityName();
                case ENTRY_CONTACT -> entry(item).contact();
                case ENTRY_REFERENCE -> entry(item).reference();
                case ENTRY_REQUEST_DATE -> FrenchDates.format(entry(item).sentOn());
                case ENTRY_RECEIVED_DATE -> entry(item).receivedOn() == null
                        ? null : FrenchDates.format(entry(item).receivedOn());
                case ENTRY_REFUSAL_DATE -> entry(item).refusalDate() == null
                        ? null : FrenchDates.format(entry(item).refusalDate());
                case ENTRY_STATE -> entry(item).stateText();
                case SERIES_REFERRED_COUNT -> context.series() == null ? null
                        : Long.toString(context.series().entries().stream().filter(SeriesEntry::referred).count());
                case DOCUMENTS, SERIES, REFUSAL_IMPLICIT, REFERRAL_IN_TIME, ENTRY_IMPLICIT, ENTRY_REFERRED,
                     AUTHORITY_PRADA, AUTHORITY_PUBLICATION -> throw new IllegalStateException(
                        placeholder + " is not a text value");
            };
        }

        @Override
        public boolean flag(Placeholder placeholder, Markup.Item item) {
            return switch (placeholder) {
                case AUTHORITY_PRADA -> context.authority() != null && context.authority().prada();
                case AUTHORITY_PUBLICATION -> context.authority() != null && context.authority().publication();
                case REFUSAL_IMPLICIT -> context.priorRequest() != null && context.priorRequest().implicitRefusal();
                case REFERRAL_IN_TIME -> context.priorRequest() != null
                        && context.priorRequest().referralInTimeOn(context.date());
                case ENTRY_IMPLICIT -> entry(item).implicitRefusal();
                case ENTRY_REFERRED -> entry(item).referred();
                default -> throw new IllegalStateException(placeholder + " is not a flag");
            };
        }

        @Override
        public List<Markup.Item> items(Placeholder list) {
            if (list == Placeholder.DOCUMENTS) {
                if (documents == null) {
                    documents = numbered(request.template().documents());
                }
                return documents;
            }
            if (list == Placeholder.SERIES) {
                if (entries == null) {
                    entries = context.series() == null ? List.of() : numbered(context.series().entries());
                }
                return entries;
            }
            throw new IllegalStateException(list + " is not a list");
        }

        @Override
        public String defaultList(Placeholder list) {
            StringBuilder out = new StringBuilder(2048);
            for (Markup.Item item : items(list)) {
                if (out.length() > 0) {
                    out.append("\n\n");
                }
                out.append(item.number()).append(". ");
                if (list == Placeholder.DOCUMENTS) {
                    out.append((String) item.value());
                } else {
                    SeriesEntry entry = entry(item);
                    out.append(entry.authorityName()).append(" – ").append(entry.contact())
                            .append(" – réf. ").append(entry.reference())
                            .append(" – demande du ").append(FrenchDates.format(entry.sentOn()));
                    if (entry.receivedOn() != null) {
                        out.append(", reçue le ").append(FrenchDates.format(entry.receivedOn()));
                    }
                    out.append(" – ").append(entry.stateText());
                }
            }
            return out.toString();
        }

        @Override
        public RuntimeException missing(Placeholder placeholder, String file, int line) {
            String where = placeholder.tag() + " (" + file + ", ligne " + line + ")";
            String hint = switch (placeholder) {
                case AUTHORITY_NAME -> "indiquez l'organisme concerné.";
                case AUTHORITY_ADDRESS, AUTHORITY_EMAIL -> context.authority() == null
                        ? "indiquez l'organisme concerné."
                        : "« " + context.authority().name() + " » n'en a pas. Complétez ses coordonnées, ou entourez "
                        + "la variable de {{#" + placeholder.placeholderName() + "}}…{{/"
                        + placeholder.placeholderName() + "}} dans le modèle pour l'omettre quand elle manque.";
                case REQUESTER_ADDRESS -> "le demandeur n'a pas d'adresse postale. Complétez-la, ou entourez la "
                        + "variable de {{#requester.address}}…{{/requester.address}} dans le modèle.";
                case REQUEST_RECEIVED_DATE, ENTRY_RECEIVED_DATE -> "la date de réception n'est pas connue. "
                        + "Renseignez-la, ou entourez la variable de {{#" + placeholder.placeholderName() + "}}…{{/"
                        + placeholder.placeholderName() + "}} dans le modèle.";
                default -> "indiquez la demande initiale.";
            };
            return new InvalidInputException("La lettre « " + templateId + " » ne peut pas être rédigée : " + where
                    + " n'a pas de valeur ; " + hint, Map.of("template", templateId, "placeholder",
                    placeholder.placeholderName()));
        }

        private static SeriesEntry entry(Markup.Item item) {
            return (SeriesEntry) item.value();
        }

        private static List<Markup.Item> numbered(List<?> values) {
            List<Markup.Item> items = new ArrayList<>(values.size());
            for (int i = 0; i < values.size(); i++) {
                items.add(new Markup.Item(i + 1, values.get(i)));
            }
            return items;
        }
    }
}
