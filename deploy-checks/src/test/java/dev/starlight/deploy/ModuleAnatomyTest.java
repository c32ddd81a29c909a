package dev.starlight.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every module with main sources has a README whose "Anatomy" section names each of its public top-level classes,
 * so a newcomer finds every class from the README. A row names classes in backticks: a full or package-qualified
 * name ({@code image.PngDecoder}), or a prefix ending in {@code *} ({@code image.Png*}) that covers a family.
 */
class ModuleAnatomyTest {
    private static final Pattern PUBLIC_TYPE = Pattern.compile(
            "^public\\s+(?:(?:final|abstract|sealed|non-sealed|static)\\s+)*(?:class|record|interface|enum|@interface)"
                    + "\\s+(\\w+)", Pattern.MULTILINE);
    private static final Pattern BACKTICKED = Pattern.compile("`([^`]+)`");
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][\\w.]*\\*?");

    static List<String> modulesWithSources() {
        return Repo.modules().stream()
                .filter(m -> Files.isDirectory(Repo.ROOT.resolve(m).resolve("src/main/java")))
                .toList();
    }

    @ParameterizedTest
    @MethodSource("modulesWithSources")
    void everyPublicClassIsInTheModulesAnatomy(String module) {
        Path readme = Repo.ROOT.resolve(module).resolve("README.md");
        assertThat(readme).as(module + " has a README").exists();
        Set<String> names = new TreeSet<>();
        Set<String> prefixes = new TreeSet<>();
        for (String token : anatomyTokens(Repo.read(module + "/README.md"))) {
            String simple = token.substring(token.lastIndexOf('.') + 1);
            if (simple.endsWith("*")) {
                prefixes.add(simple.substring(0, simple.length() - 1));
            } else {
                names.add(simple);
            }
        }
        List<String> missing = new ArrayList<>();
        for (String type : publicTypes(Repo.ROOT.resolve(module).resolve("src/main/java"))) {
            boolean named = names.contains(type) || prefixes.stream().anyMatch(p -> !p.isEmpty() && type.startsWith(p));
            if (!named) {
                missing.add(type);
            }
        }
        assertThat(missing).as("public classes of %s missing from the Anatomy of %s/README.md", module, module)
                .isEmpty();
    }

    /** The backticked names of the README's "## Anatomy" section, up to the next second-level heading. */
    static List<String> anatomyTokens(String readme) {
        int start = readme.indexOf("\n## Anatomy");
        assertThat(start).as("README has a '## Anatomy' section").isNotNegative();
        int end = readme.indexOf("\n## ", start + 1);
        String section = readme.substring(start, end < 0 ? readme.length() : end);
        List<String> tokens = new ArrayList<>();
        Matcher m = BACKTICKED.matcher(section);
        while (m.find()) {
            Matcher n = NAME.matcher(m.group(1));
            while (n.find()) {
                tokens.add(n.group());
            }
        }
        return tokens;
    }

    private static List<String> publicTypes(Path sources) {
        try (Stream<Path> files = Files.walk(sources)) {
            return files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> !p.getFileName().toString().equals("package-info.java"))
                    .map(ModuleAnatomyTest::publicType)
                    .filter(t -> t != null)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String publicType(Path file) {
        try {
            Matcher m = PUBLIC_TYPE.matcher(Files.readString(file));
            return m.find() ? m.group(1) : null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
