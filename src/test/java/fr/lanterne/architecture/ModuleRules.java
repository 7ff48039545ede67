package fr.lanterne.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.all;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.lang.AbstractClassesTransformer;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import fr.lanterne.LanterneModule;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The module rules of {@link LanterneModule}, for the classes under one base package: each package directly under it
 * is a module (with its subpackages), and the base package itself is the module {@value #ROOT}.
 *
 * <p>Written with ArchUnit rather than Spring Modulith's {@code ApplicationModules.verify()}: ArchUnit is already a
 * test dependency (Modulith would be a new one); Modulith takes every public type of a module's base package as its
 * API, so it cannot say "public, but not API" while modules are being narrowed, nor fail on a public type nobody
 * needs, whereas here the API is a list a reader finds in the package-info; and Modulith leaves the root package out
 * of its modules, where the one circle was.
 */
public final class ModuleRules {

    public static final String ROOT = "root";

    private final String basePackage;
    private final Map<String, Declaration> declarations = new TreeMap<>();
    private final Set<String> usedFromAnotherPackageOfTheirModule = new HashSet<>();

    /** What a package-info declares; {@code packageInfo} is empty when the module has no {@link LanterneModule}. */
    record Declaration(String module, String packageName, Optional<JavaClass> packageInfo, Set<String> api,
                       Set<String> uses) {

        String packageInfoFile() {
            return packageName.replace('.', '/') + "/package-info.java";
        }
    }

    public ModuleRules(JavaClasses classes, String basePackage) {
        this.basePackage = basePackage;
        for (JavaClass javaClass : classes) {
            String module = moduleOf(javaClass);
            if (module != null) {
                declarations.computeIfAbsent(module, this::undeclared);
            }
        }
        for (JavaClass javaClass : classes) {
            String module = moduleOf(javaClass);
            if (module != null && isPackageInfo(javaClass) && javaClass.getPackageName().equals(packageOf(module))) {
                javaClass.tryGetAnnotationOfType(LanterneModule.class.getName()).ifPresent(annotation ->
                        declarations.put(module, new Declaration(module, javaClass.getPackageName(),
                                Optional.of(javaClass), classNames(annotation.get("api").orElse(new Object[0])),
                                strings(annotation.get("uses").orElse(new String[0])))));
            }
        }
        for (JavaClass origin : classes) {
            String module = moduleOf(origin);
            if (module == null || isPackageInfo(origin)) {
                continue;
            }
            for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                JavaClass target = dependency.getTargetClass().getBaseComponentType();
                if (module.equals(moduleOf(target)) && !target.getPackageName().equals(origin.getPackageName())) {
                    usedFromAnotherPackageOfTheirModule.add(topLevel(target).getName());
                }
            }
        }
    }

    /** A module's package-info carries {@link LanterneModule}, and its {@code uses} name existing modules. */
    public ArchRule modulesAreDeclared() {
        return all(new AbstractClassesTransformer<Declaration>("modules") {
            @Override
            public Iterable<Declaration> doTransform(JavaClasses classes) {
                return declarations.values();
            }
        }).should(new ArchCondition<>("be declared by @LanterneModule on their package-info") {
            @Override
            public void check(Declaration declaration, ConditionEvents events) {
                if (declaration.packageInfo().isEmpty()) {
                    events.add(SimpleConditionEvent.violated(declaration, "Module " + declaration.module()
                            + " (" + declaration.packageName() + ") has no @LanterneModule: add it to "
                            + declaration.packageInfoFile() + " with the module's API types and the modules it uses"));
                }
                for (String used : declaration.uses()) {
                    if (!declarations.containsKey(used) || used.equals(declaration.module())) {
                        events.add(SimpleConditionEvent.violated(declaration, "Module " + declaration.module()
                                + " declares it uses \"" + used + "\", which is not another module: fix uses in "
                                + declaration.packageInfoFile() + " (modules: " + declarations.keySet() + ")"));
                    }
                }
            }
        });
    }

    /** (a) A class uses another module's types only if they are in that module's API (or nested in one). */
    public ArchRule otherModulesAreUsedThroughTheirApi() {
        return classes().that(areInAModule()).should(new ArchCondition<>("use other modules only through their API") {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                Set<String> reported = new HashSet<>();
                for (Dependency dependency : crossModuleDependencies(origin)) {
                    JavaClass target = topLevel(dependency.getTargetClass().getBaseComponentType());
                    Declaration owner = declarations.get(moduleOf(target));
                    if (!owner.api().contains(target.getName()) && reported.add(target.getName())) {
                        events.add(SimpleConditionEvent.violated(origin, dependency.getDescription() + ", but "
                                + target.getSimpleName() + " is not in the API of module " + owner.module()
                                + ". Fix: use what the API of " + owner.module() + " offers " + simpleNames(owner.api())
                                + ", or, if " + owner.module() + " means to offer it, add " + target.getSimpleName()
                                + ".class to api in " + owner.packageInfoFile()));
                    }
                }
            }
        });
    }

    /** (b) A class uses only the modules its own module declares in {@code uses}. */
    public ArchRule onlyDeclaredModulesAreUsed() {
        return classes().that(areInAModule()).should(new ArchCondition<>("use only the modules their module uses") {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                Declaration own = declarations.get(moduleOf(origin));
                Set<String> reported = new HashSet<>();
                for (Dependency dependency : crossModuleDependencies(origin)) {
                    String used = moduleOf(dependency.getTargetClass().getBaseComponentType());
                    if (!own.uses().contains(used) && reported.add(used)) {
                        events.add(SimpleConditionEvent.violated(origin, dependency.getDescription() + ", but module "
                                + own.module() + " does not declare that it uses module " + used + ". Fix: add \""
                                + used + "\" to uses in " + own.packageInfoFile()
                                + " if the dependency is meant (and makes no circle), otherwise remove it"));
                    }
                }
            }
        });
    }

    /** (c) The modules, the root package included, depend on each other in no circle. */
    public ArchRule modulesFormNoCycle() {
        return slices().assignedFrom(new SliceAssignment() {
            @Override
            public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
                String module = moduleOf(javaClass);
                return module == null || isPackageInfo(javaClass) ? SliceIdentifier.ignore() : SliceIdentifier.of(module);
            }

            @Override
            public String getDescription() {
                return "modules under " + basePackage + " (" + ROOT + ": the package itself)";
            }
        }).should().beFreeOfCycles()
                .because("a circle makes its modules one module; fix it by moving the shared type to the module that "
                        + "both use, or by turning one dependency around (an interface the lower module declares)");
    }

    /**
     * (d) A public top-level type is in its module's API, or used from another package of the same module (Java then
     * needs it public, as with an {@code internal} subpackage); anything else is package-private.
     */
    public ArchRule publicTypesAreTheApi() {
        return classes().that(areInAModule()).and(DescribedPredicate.describe("are top-level", JavaClass::isTopLevelClass))
                .should(new ArchCondition<>("be public only if in their module's API") {
                    @Override
                    public void check(JavaClass javaClass, ConditionEvents events) {
                        Declaration own = declarations.get(moduleOf(javaClass));
                        if (javaClass.getModifiers().contains(JavaModifier.PUBLIC)
                                && !own.api().contains(javaClass.getName())
                                && !usedFromAnotherPackageOfTheirModule.contains(javaClass.getName())) {
                            events.add(SimpleConditionEvent.violated(javaClass, javaClass.getName()
                                    + " is public but not in the API of module " + own.module()
                                    + ". Fix: make it package-private, or, if other modules need it, add "
                                    + javaClass.getSimpleName() + ".class to api in " + own.packageInfoFile()));
                        }
                    }
                });
    }

    private DescribedPredicate<JavaClass> areInAModule() {
        return DescribedPredicate.describe("are in a module under " + basePackage,
                javaClass -> moduleOf(javaClass) != null && !isPackageInfo(javaClass));
    }

    private List<Dependency> crossModuleDependencies(JavaClass origin) {
        String module = moduleOf(origin);
        return origin.getDirectDependenciesFromSelf().stream()
                .filter(dependency -> {
                    String target = moduleOf(dependency.getTargetClass().getBaseComponentType());
                    return target != null && !target.equals(module);
                })
                .toList();
    }

    /** The module of a class, or null outside the base package. */
    String moduleOf(JavaClass javaClass) {
        String packageName = javaClass.getPackageName();
        if (packageName.equals(basePackage)) {
            return ROOT;
        }
        if (!packageName.startsWith(basePackage + ".")) {
            return null;
        }
        String rest = packageName.substring(basePackage.length() + 1);
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }

    private String packageOf(String module) {
        return module.equals(ROOT) ? basePackage : basePackage + "." + module;
    }

    private Declaration undeclared(String module) {
        return new Declaration(module, packageOf(module), Optional.empty(), Set.of(), Set.of());
    }

    private static boolean isPackageInfo(JavaClass javaClass) {
        return javaClass.getSimpleName().equals("package-info");
    }

    private static JavaClass topLevel(JavaClass javaClass) {
        JavaClass current = javaClass;
        while (current.getEnclosingClass().isPresent()) {
            current = current.getEnclosingClass().get();
        }
        return current;
    }

    private static Set<String> classNames(Object value) {
        Set<String> names = new LinkedHashSet<>();
        for (Object element : (Object[]) value) {
            names.add(((JavaClass) element).getName());
        }
        return names;
    }

    private static Set<String> strings(Object value) {
        Set<String> names = new LinkedHashSet<>();
        for (Object element : (Object[]) value) {
            names.add((String) element);
        }
        return names;
    }

    private static Set<String> simpleNames(Set<String> classNames) {
        Set<String> names = new TreeSet<>();
        for (String name : classNames) {
            names.add(name.substring(name.lastIndexOf('.') + 1));
        }
        return names;
    }
}
