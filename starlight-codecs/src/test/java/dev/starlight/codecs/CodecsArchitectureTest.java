package dev.starlight.codecs;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The codecs read images; detection builds on them, never the reverse. */
class CodecsArchitectureTest {
    private static final JavaClasses CODECS = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.starlight.codecs");

    @Test
    void noCodecsClassDependsOnTheCore() {
        noClasses().should().dependOnClassesThat().resideInAPackage("dev.starlight.core..")
                .check(CODECS);
    }
}
