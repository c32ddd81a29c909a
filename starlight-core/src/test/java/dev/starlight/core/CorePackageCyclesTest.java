package dev.starlight.core;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import org.junit.jupiter.api.Test;

/** The packages of the core depend on one another in one direction only. */
class CorePackageCyclesTest {
    private static final JavaClasses CORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.starlight.core");

    /** Every package is its own slice, the root ({@code Detector}, {@code Evidence}) included. */
    private static final SliceAssignment BY_PACKAGE = new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(com.tngtech.archunit.core.domain.JavaClass c) {
            String p = c.getPackageName();
            return p.equals("dev.starlight.core") || p.startsWith("dev.starlight.core.") ? SliceIdentifier.of(p)
                    : SliceIdentifier.ignore();
        }

        @Override
        public String getDescription() {
            return "packages of dev.starlight.core";
        }
    };

    @Test
    void subpackagesAreFreeOfCycles() {
        slices().matching("dev.starlight.core.(**)").should().beFreeOfCycles().check(CORE);
    }

    @Test
    void noPackageCycleThroughTheRootEither() {
        slices().assignedFrom(BY_PACKAGE).should().beFreeOfCycles().check(CORE);
    }

    @Test
    void theRulesSeeTheWholeCore() {
        assertThat(CORE.containPackage("dev.starlight.core.analysis.fusion")).isTrue();
        assertThat(CORE.contain(Evidence.class)).isTrue();
    }
}
