package org.apsa;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The boundaries of docs/architecture.md, checked on every build. The allowed dependencies:
 *
 * <pre>
 * layer      packages                                      may use
 * ---------  --------------------------------------------  ------------------------------
 * core       fact, io, rulebase, engine, explain, ruletest,
 *            explore, provenance                           core only
 * output     render, report                                core
 * authoring  authoring                                     core, output
 * batch      batch                                         core, output
 * cli        cli, org.apsa (the application)               everything
 * </pre>
 *
 * Inside the core, each package may use only those below it:
 * {@code io} &lt; {@code fact} &lt; {@code rulebase} &lt; {@code engine} &lt; {@code explain}, {@code ruletest}, {@code explore}.
 * No package cycle anywhere, and Spring only in the cli layer: the core, the outputs, the
 * authoring checks and the batch serve the shell, tests, benchmarks and a distributed job alike.
 * Every class of the tool belongs to a layer: a new package is placed in this table (and in
 * docs/architecture.md) before it is used.
 */
@AnalyzeClasses(packages = "org.apsa", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String[] CORE = {"org.apsa.fact..", "org.apsa.io..", "org.apsa.rulebase..", "org.apsa.engine..",
            "org.apsa.explain..", "org.apsa.ruletest..", "org.apsa.explore..", "org.apsa.provenance.."};

    @ArchTest
    static final ArchRule layers = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .ensureAllClassesAreContainedInArchitecture()
            .layer("Core").definedBy(CORE)
            .layer("Output").definedBy("org.apsa.render..", "org.apsa.report..")
            .layer("Authoring").definedBy("org.apsa.authoring..")
            .layer("Batch").definedBy("org.apsa.batch..")
            .layer("Cli").definedBy("org.apsa", "org.apsa.cli..")
            .whereLayer("Core").mayNotAccessAnyLayer()
            .whereLayer("Output").mayOnlyAccessLayers("Core")
            .whereLayer("Authoring").mayOnlyAccessLayers("Core", "Output")
            .whereLayer("Batch").mayOnlyAccessLayers("Core", "Output")
            .because("the core serves every front end, outputs are fed results, and only the cli wires them together"
                    + " (docs/architecture.md)");

    @ArchTest
    static final ArchRule coreLayers = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("io").definedBy("org.apsa.io..")
            .layer("fact").definedBy("org.apsa.fact..")
            .layer("rulebase").definedBy("org.apsa.rulebase..")
            .layer("engine").definedBy("org.apsa.engine..")
            .layer("explain").definedBy("org.apsa.explain..")
            .layer("ruletest").definedBy("org.apsa.ruletest..")
            .layer("explore").definedBy("org.apsa.explore..")
            .whereLayer("io").mayNotAccessAnyLayer()
            .whereLayer("fact").mayOnlyAccessLayers("io")
            .whereLayer("rulebase").mayOnlyAccessLayers("io", "fact")
            .whereLayer("engine").mayOnlyAccessLayers("io", "fact", "rulebase")
            .whereLayer("explain").mayOnlyAccessLayers("io", "fact", "rulebase", "engine")
            .whereLayer("ruletest").mayOnlyAccessLayers("io", "fact", "rulebase", "engine")
            .whereLayer("explore").mayOnlyAccessLayers("io", "fact", "rulebase", "engine")
            .because("a fact set is read without rules, rules load without an engine, and an assessment needs no explanation"
                    + " (docs/architecture.md)");

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("org.apsa.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule springOnlyInTheCli = noClasses().that().resideOutsideOfPackages("org.apsa", "org.apsa.cli..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.jline..")
            .because("Spring Shell runs the commands; everything below it is plain Java (docs/architecture.md)");

    @ArchTest
    static final ArchRule noCommandStateInThreadLocals = noFields().that().areDeclaredInClassesThat().resideInAPackage("org.apsa.cli..")
            .should().haveRawType(ThreadLocal.class)
            .because("a command's arguments reach it through Spring Shell, and the scripts running are a bean's (ToolShell, Scripts)");
}
