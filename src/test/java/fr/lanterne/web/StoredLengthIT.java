package fr.lanterne.web;

import static org.assertj.core.api.Assertions.assertThat;

import fr.lanterne.LanterneIntegrationTest;
import fr.lanterne.shared.StoredIn;
import jakarta.validation.constraints.Size;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.MethodParameter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The lengths people may type fit the columns they are written to: every {@code @StoredIn} column exists in the real
 * schema (Liquibase's, on the embedded MariaDB) and holds its field's {@code @Size(max)} in characters and in bytes;
 * and every text of every API body and page form has a {@code @Size(max)}, so that a field added without one fails
 * here rather than answering 500 ("Data too long") in use.
 */
@LanterneIntegrationTest
class StoredLengthIT {

    /** A column read from information_schema.COLUMNS. */
    record Column(long characters, long bytes) {
    }

    @Autowired
    JdbcClient jdbc;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void every_stored_field_fits_its_column() {
        Map<String, Column> columns = columns();
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (Class<?> type : lanterneClasses()) {
            for (AnnotatedElement element : elements(type)) {
                StoredIn stored = element.getAnnotation(StoredIn.class);
                if (stored == null) {
                    continue;
                }
                Size size = element.getAnnotation(Size.class);
                String name = type.getName() + "." + name(element);
                if (size == null || size.max() == Integer.MAX_VALUE) {
                    problems.add(name + " is @StoredIn but has no @Size(max)");
                    continue;
                }
                for (String column : stored.value()) {
                    Column found = columns.get(column.toLowerCase());
                    checked++;
                    if (found == null) {
                        problems.add(name + ": no column " + column + " in the schema");
                    } else if (size.max() > found.characters() || size.max() * 4L > found.bytes()) {
                        problems.add(name + ": @Size(max = " + size.max() + ") but " + column + " holds "
                                + found.characters() + " characters, " + found.bytes() + " bytes (4 per character "
                                + "in utf8mb4)");
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
        assertThat(checked).as("@StoredIn fields checked").isGreaterThan(15);
    }

    @Test
    void every_text_of_every_body_and_form_has_a_maximum_length() {
        Set<Class<?>> inputs = new HashSet<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mappings.getHandlerMethods().entrySet()) {
            Set<RequestMethod> methods = entry.getKey().getMethodsCondition().getMethods();
            if (methods.isEmpty() || methods.contains(RequestMethod.GET)) {
                continue;
            }
            for (MethodParameter parameter : entry.getValue().getMethodParameters()) {
                Class<?> type = parameter.getParameterType();
                boolean body = parameter.hasParameterAnnotation(RequestBody.class)
                        || parameter.hasParameterAnnotation(ModelAttribute.class)
                        || type.getName().startsWith("fr.lanterne.") && (type.isRecord() || type.getName()
                        .endsWith("Form"));
                if (body && type.getName().startsWith("fr.lanterne.")) {
                    inputs.add(type);
                }
            }
        }
        assertThat(inputs).as("bodies and forms found").extracting(Class::getSimpleName)
                .contains("DeploymentDraft", "CampaignRequest", "DatedEvent", "DeploymentForm");
        Set<String> unbounded = new TreeSet<>();
        for (Class<?> type : inputs) {
            collectUnbounded(type, unbounded, new HashSet<>());
        }
        assertThat(unbounded).as("texts without @Size(max)").isEmpty();
    }

    private void collectUnbounded(Class<?> type, Set<String> unbounded, Set<Class<?>> seen) {
        if (!seen.add(type)) {
            return;
        }
        for (AnnotatedElement element : elements(type)) {
            AnnotatedType annotated = ((Field) element).getAnnotatedType();
            Class<?> raw = ((Field) element).getType();
            String name = type.getSimpleName() + "." + name(element);
            if (raw == String.class && !bounded(element.getAnnotation(Size.class))) {
                unbounded.add(name);
            }
            if (Collection.class.isAssignableFrom(raw) && annotated instanceof AnnotatedParameterizedType list) {
                if (!bounded(element.getAnnotation(Size.class))) {
                    unbounded.add(name + " (the list)");
                }
                AnnotatedType item = list.getAnnotatedActualTypeArguments()[0];
                if (item.getType() == String.class && !bounded(item.getAnnotation(Size.class))) {
                    unbounded.add(name + " (each item)");
                }
                if (item.getType() instanceof Class<?> itemType && itemType.getName().startsWith("fr.lanterne.")) {
                    collectUnbounded(itemType, unbounded, seen);
                }
            }
        }
    }

    private static boolean bounded(Size size) {
        return size != null && size.max() < Integer.MAX_VALUE;
    }

    /**
     * The fields a body or form is bound through: a form's instance fields, or a record's, which carry the
     * constraints written on its components ({@code @Size} does not target record components themselves).
     */
    private static List<AnnotatedElement> elements(Class<?> type) {
        List<AnnotatedElement> fields = new ArrayList<>();
        for (Field field : type.getDeclaredFields()) {
            if (!Modifier.isStatic(field.getModifiers())) {
                fields.add(field);
            }
        }
        return fields;
    }

    private static String name(AnnotatedElement element) {
        return ((Field) element).getName();
    }

    private Map<String, Column> columns() {
        return jdbc.sql("""
                        SELECT LOWER(CONCAT(TABLE_NAME, '.', COLUMN_NAME)) AS name, CHARACTER_MAXIMUM_LENGTH AS chars,
                               CHARACTER_OCTET_LENGTH AS bytes
                        FROM information_schema.COLUMNS
                        WHERE TABLE_SCHEMA = DATABASE() AND CHARACTER_MAXIMUM_LENGTH IS NOT NULL""")
                .query((rs, n) -> Map.entry(rs.getString("name"), new Column(rs.getLong("chars"),
                        rs.getLong("bytes"))))
                .list().stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private static List<Class<?>> lanterneClasses() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false) {
            @Override
            protected boolean isCandidateComponent(AnnotatedBeanDefinition definition) {
                return true;
            }
        };
        scanner.addIncludeFilter((reader, factory) -> true);
        List<Class<?>> classes = new ArrayList<>();
        for (BeanDefinition definition : scanner.findCandidateComponents("fr.lanterne")) {
            Optional.ofNullable(load(definition.getBeanClassName())).ifPresent(classes::add);
        }
        return classes;
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, StoredLengthIT.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }
}
