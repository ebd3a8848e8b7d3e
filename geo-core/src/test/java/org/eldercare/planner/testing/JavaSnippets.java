package org.eldercare.planner.testing;

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
import java.util.Map;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Compiles and runs the Java snippets of the docs, so a documented example can never drift from the code. A snippet
 * is one ```java block between {@code <!-- snippet:NAME -->} and {@code <!-- /snippet -->}; its import lines become
 * the class's imports and the rest the body of {@code main}.
 */
public final class JavaSnippets {
    private JavaSnippets() {}

    /** The java code of the marked block in {@code doc}. */
    public static String extract(Path doc, String mark) throws IOException {
        String text = Files.readString(doc);
        String open = "<!-- snippet:" + mark + " -->";
        int start = text.indexOf(open);
        int end = text.indexOf("<!-- /snippet -->", start);
        assertTrue(start >= 0 && end > start, "snippet markers for " + mark + " not found in " + doc);
        String block = text.substring(start + open.length(), end).strip();
        assertTrue(block.startsWith("```java") && block.endsWith("```"), "expected one ```java block in " + mark);
        return block.substring("```java".length(), block.length() - 3).strip();
    }

    /**
     * Compiles the snippet {@code mark} of {@code doc} (after the literal replacements, e.g. a relative path made
     * absolute), runs it and returns what it printed, trimmed.
     */
    public static String run(Path doc, String mark, Map<String, String> replacements, Path workDir)
            throws Exception {
        String code = extract(doc, mark);
        for (var r : replacements.entrySet()) {
            assertTrue(code.contains(r.getKey()), "snippet " + mark + " no longer contains " + r.getKey());
            code = code.replace(r.getKey(), r.getValue());
        }
        List<String> imports = new ArrayList<>();
        List<String> body = new ArrayList<>();
        for (String line : code.split("\n")) {
            (line.startsWith("import ") ? imports : body).add(line);
        }
        String source = String.join("\n", imports) + "\npublic class Snippet {\n"
            + "  public static void main(String[] args) throws Exception {\n" + String.join("\n", body) + "\n  }\n}\n";
        Path src = workDir.resolve("Snippet.java");
        Files.writeString(src, source);
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int rc = javac.run(null, errors, errors, "-encoding", "UTF-8", "-cp", cp, "-d", workDir.toString(),
            src.toString());
        assertEquals(0, rc, "snippet does not compile:\n" + errors.toString(StandardCharsets.UTF_8) + "\n" + source);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream saved = System.out;
        try (URLClassLoader loader = new URLClassLoader(new URL[] {workDir.toUri().toURL()},
                JavaSnippets.class.getClassLoader())) {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            Method main = loader.loadClass("Snippet").getMethod("main", String[].class);
            main.invoke(null, (Object) new String[0]);
        } finally {
            System.setOut(saved);
        }
        return out.toString(StandardCharsets.UTF_8).strip().replace("\r", "");
    }
}
