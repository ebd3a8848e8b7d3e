package org.eldercare.planner.zoning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.eldercare.planner.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedding example in docs/zoning.md (between {@code <!-- snippet:zoning-embed -->} and
 * {@code <!-- /snippet -->}) compiles and prints what the document says. Expected output worked out by hand:
 * 瓮安, new district, 1750 households: required 20 × 1750 / 100 = 350 m²; sites 350 + 120 = 470 m² ≥ 350, but the
 * 120 m² site is below the 350 m² single-site minimum → FAIL [SINGLE_SITE_MINIMUM].
 */
class ZoningSnippetTest {
    static final String DOC = "docs/zoning.md";
    static final String MARK = "zoning-embed";

    @TempDir
    Path tmp;

    /** The java code of the marked block in {@code doc}. */
    static String extract(Path doc, String mark) throws IOException {
        String text = Files.readString(doc);
        String open = "<!-- snippet:" + mark + " -->";
        int start = text.indexOf(open);
        int end = text.indexOf("<!-- /snippet -->", start);
        assertTrue(start >= 0 && end > start, "snippet markers for " + mark + " not found in " + doc);
        String block = text.substring(start + open.length(), end).strip();
        assertTrue(block.startsWith("```java") && block.endsWith("```"), "expected one ```java block in " + mark);
        return block.substring("```java".length(), block.length() - 3).strip();
    }

    @Test
    void the_documented_snippet_compiles_and_prints_the_documented_output() throws Exception {
        String code = extract(SharedData.repoRoot().resolve(DOC), MARK);
        List<String> imports = new ArrayList<>();
        List<String> body = new ArrayList<>();
        for (String line : code.split("\n")) {
            (line.startsWith("import ") ? imports : body).add(line);
        }
        String source = String.join("\n", imports) + "\npublic class Snippet {\n"
            + "  public static void main(String[] args) throws Exception {\n" + String.join("\n", body) + "\n  }\n}\n";
        Path src = tmp.resolve("Snippet.java");
        Files.writeString(src, source);
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int rc = javac.run(null, errors, errors, "-encoding", "UTF-8", "-cp", cp, "-d", tmp.toString(),
            src.toString());
        assertEquals(0, rc, "snippet does not compile:\n" + errors.toString(StandardCharsets.UTF_8) + "\n" + source);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream saved = System.out;
        try (URLClassLoader loader = new URLClassLoader(new URL[] {tmp.toUri().toURL()},
                getClass().getClassLoader())) {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            Method main = loader.loadClass("Snippet").getMethod("main", String[].class);
            main.invoke(null, (Object) new String[0]);
        } finally {
            System.setOut(saved);
        }
        assertEquals(String.join("\n",
                "FAIL [SINGLE_SITE_MINIMUM] required 350.0 m², provided 470.0",
                "  district.floorArea.newPer100Households = 20.0 m2/100households (瓮安 2023 §二(三)9)",
                "  district.singleSite.minM2 = 350.0 m2 (瓮安 2023 §二(三)9)",
                "site(s) of 120 m² below the single-site minimum of 350 m² (瓮安 2023 §二(三)9)"),
            out.toString(StandardCharsets.UTF_8).strip().replace("\r", ""));
    }
}
