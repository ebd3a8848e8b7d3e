package org.eldercare.planner.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import org.eldercare.planner.model.AdminLevel;
import org.eldercare.planner.model.FacilityKind;
import org.eldercare.planner.model.InputProblem;
import org.eldercare.planner.model.InvalidInputException;
import org.eldercare.planner.model.UrbanRural;

/**
 * Loads and validates policy profiles: the six shipped with the library (resources next to this class) and
 * profiles from user files. A file may {@code extends} another profile (shipped, or a {@code <id>.yaml} next to
 * it) and override single rules; overrides need their own value, unit, source and binding (descriptions are
 * inherited when omitted).
 *
 * <p>Validation collects every problem of the chain and throws one {@link ProfileException}: unknown rule ids, a unit
 * other than the {@link RuleCatalog}'s, values out of range, missing source/citation, bad binding, unknown keys,
 * coverage rules without a scope, unknown parents and {@code extends} cycles. Each problem names the file and the
 * key. Thread-safe; shipped profiles are parsed once and cached.
 */
public final class PolicyProfiles {
    /** Ids of the shipped profiles, national baseline first. */
    public static final List<String> BUILT_IN_IDS = List.of("national", "changzhi-2019", "dongxiang-2020",
        "wendeng-2021", "wengan-2023", "wuzhong-2023");

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Map<String, PolicyProfile> CACHE = new ConcurrentHashMap<>();
    private static final Set<String> TOP_KEYS = Set.of("id", "name", "jurisdiction", "period", "extends",
        "documents", "rules");
    private static final Set<String> RULE_KEYS = Set.of("value", "unit", "source", "binding", "zh", "en", "note",
        "assumption", "scope");
    private static final Set<String> SCOPE_KEYS = Set.of("kinds", "adminLevels", "urbanRural", "year");

    private PolicyProfiles() {}

    /** The shipped profiles, in {@link #BUILT_IN_IDS} order. */
    public static List<PolicyProfile> builtIn() {
        return BUILT_IN_IDS.stream().map(PolicyProfiles::get).toList();
    }

    /**
     * A shipped profile by id.
     *
     * @throws IllegalArgumentException naming the id and the shipped ids when unknown
     * @throws ProfileException         when the shipped file is invalid (a build error)
     */
    public static PolicyProfile get(String id) {
        if (!BUILT_IN_IDS.contains(id)) {
            throw new IllegalArgumentException("profile: unknown profile id '" + id + "', expected one of "
                + String.join(", ", BUILT_IN_IDS) + " or a path to a .yaml file");
        }
        PolicyProfile p = CACHE.get(id);
        if (p == null) {
            p = new Loader(null).resolve(id, new LinkedHashSet<>());
            CACHE.put(id, p);
        }
        return p;
    }

    /**
     * Loads a profile from a YAML file; its {@code extends} parent is looked up as {@code <parent>.yaml} in the same
     * directory, then among the shipped profiles.
     *
     * @throws ProfileException      listing every problem, each naming file and key
     * @throws UncheckedIOException  when the file cannot be read
     */
    public static PolicyProfile load(Path file) {
        Loader loader = new Loader(file.toAbsolutePath().getParent());
        Raw raw = loader.parse(file.getFileName().toString(), read(file));
        return loader.build(raw, new LinkedHashSet<>());
    }

    /** A shipped profile when {@code idOrPath} is a shipped id, else a file loaded with {@link #load(Path)}. */
    public static PolicyProfile resolve(String idOrPath) {
        if (BUILT_IN_IDS.contains(idOrPath)) {
            return get(idOrPath);
        }
        Path p = Path.of(idOrPath);
        if (Files.isRegularFile(p)) {
            return load(p);
        }
        return get(idOrPath);
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read policy profile " + file + ": " + e.getMessage(), e);
        }
    }

    /** One parsed, not yet inherited, profile file. */
    private record Raw(String file, String id, String nameZh, String nameEn, String jurisdiction, String period,
            Optional<String> parent, Map<String, JsonNode> rules) {}

    private static final class Loader {
        private final Path userDir;
        private final List<InputProblem> problems = new ArrayList<>();

        Loader(Path userDir) {
            this.userDir = userDir;
        }

        PolicyProfile resolve(String id, LinkedHashSet<String> chain) {
            String file = id + ".yaml";
            byte[] bytes = null;
            String source = null;
            if (userDir != null && Files.isRegularFile(userDir.resolve(file))) {
                bytes = read(userDir.resolve(file));
                source = userDir.resolve(file).toString();
            } else if (BUILT_IN_IDS.contains(id)) {
                try (InputStream in = PolicyProfiles.class.getResourceAsStream(file)) {
                    if (in == null) {
                        throw new IllegalStateException("shipped profile resource missing: " + file);
                    }
                    bytes = in.readAllBytes();
                    source = file;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            if (bytes == null) {
                return null;
            }
            return build(parse(source, bytes), chain);
        }

        Raw parse(String file, byte[] bytes) {
            JsonNode root;
            try {
                root = YAML.readTree(bytes);
            } catch (IOException e) {
                throw new ProfileException(
                    List.of(new InputProblem(file, null, null, "not valid YAML: " + e.getMessage())));
            }
            if (root == null || !root.isObject()) {
                throw new ProfileException(
                    List.of(new InputProblem(file, null, null, "expected a YAML mapping with keys id, name, rules")));
            }
            for (Iterator<String> it = root.fieldNames(); it.hasNext();) {
                String k = it.next();
                if (!TOP_KEYS.contains(k)) {
                    problem(file, k, "unknown key, expected one of " + new java.util.TreeSet<>(TOP_KEYS));
                }
            }
            String id = text(file, root, "id", true);
            JsonNode name = root.path("name");
            String nameZh = text(file, name, "name.zh", "zh", true);
            String nameEn = text(file, name, "name.en", "en", true);
            String jurisdiction = text(file, root, "jurisdiction", true);
            String period = text(file, root, "period", false);
            String parent = text(file, root, "extends", false);
            Map<String, JsonNode> rules = new LinkedHashMap<>();
            JsonNode rn = root.get("rules");
            if (rn == null || !rn.isObject()) {
                problem(file, "rules", "required mapping of rule id to rule is missing");
            } else {
                rn.fields().forEachRemaining(e -> rules.put(e.getKey(), e.getValue()));
            }
            return new Raw(file, id, nameZh, nameEn, jurisdiction, period, Optional.ofNullable(parent), rules);
        }

        PolicyProfile build(Raw raw, LinkedHashSet<String> chain) {
            Map<String, Rule> effective = new LinkedHashMap<>();
            if (raw.id() != null && !chain.add(raw.id())) {
                problem(raw.file(), "extends", "cycle " + String.join(" -> ", chain) + " -> " + raw.id());
                throw new ProfileException(problems);
            }
            if (raw.parent().isPresent()) {
                String pid = raw.parent().get();
                if (chain.contains(pid)) {
                    problem(raw.file(), "extends", "cycle " + String.join(" -> ", chain) + " -> " + pid);
                    throw new ProfileException(problems);
                }
                PolicyProfile parent = resolve(pid, chain);
                if (parent == null) {
                    problem(raw.file(), "extends", "unknown parent profile '" + pid + "' (not a shipped profile"
                        + (userDir == null ? "" : " and no " + pid + ".yaml in " + userDir) + ")");
                } else {
                    effective.putAll(parent.rules());
                }
            }
            for (Map.Entry<String, JsonNode> e : raw.rules().entrySet()) {
                Rule r = rule(raw.file(), e.getKey(), e.getValue(), effective.get(e.getKey()));
                if (r != null) {
                    effective.put(r.id(), r);
                }
            }
            if (!problems.isEmpty()) {
                throw new ProfileException(problems);
            }
            return new PolicyProfile(raw.id(), raw.nameZh(), raw.nameEn(), raw.jurisdiction(),
                raw.period() == null ? "" : raw.period(), raw.parent(), raw.file(), effective);
        }

        private Rule rule(String file, String id, JsonNode n, Rule inherited) {
            String key = "rules." + id;
            int before = problems.size();
            Optional<RuleCatalog.Entry> entry = RuleCatalog.find(id);
            if (entry.isEmpty()) {
                problem(file, key, "unknown rule id (known ids: `planner profile show national` or"
                    + " RuleCatalog.entries(); coverage targets use coverage.<name>)");
                return null;
            }
            if (!n.isObject()) {
                problem(file, key, "expected a mapping with value, unit, source, binding");
                return null;
            }
            for (Iterator<String> it = n.fieldNames(); it.hasNext();) {
                String k = it.next();
                if (!RULE_KEYS.contains(k)) {
                    problem(file, key + "." + k, "unknown key, expected one of "
                        + new java.util.TreeSet<>(RULE_KEYS));
                }
            }
            JsonNode v = n.get("value");
            double value = Double.NaN;
            if (v == null || !v.isNumber()) {
                problem(file, key + ".value", "required number is " + (v == null ? "missing" : "'" + v + "'"));
            } else {
                value = v.asDouble();
                RuleCatalog.Entry en = entry.get();
                if (!(value >= en.min() && value <= en.max())) {
                    problem(file, key + ".value", Rule.formatValue(value) + " is out of range ["
                        + Rule.formatValue(en.min()) + ", " + Rule.formatValue(en.max()) + "] " + en.unit());
                }
            }
            String unit = text(file, n, key + ".unit", "unit", true);
            if (unit != null && !unit.equals(entry.get().unit())) {
                problem(file, key + ".unit", "expected '" + entry.get().unit() + "', was '" + unit + "'");
            }
            Citation citation = citation(file, key + ".source", n.get("source"));
            Binding binding = null;
            String b = text(file, n, key + ".binding", "binding", true);
            if (b != null) {
                try {
                    binding = Binding.parse(b);
                } catch (IllegalArgumentException ex) {
                    problem(file, key + ".binding", ex.getMessage());
                }
            }
            String zh = text(file, n, key + ".zh", "zh", false);
            String en = text(file, n, key + ".en", "en", false);
            if (zh == null && inherited != null) {
                zh = inherited.descriptionZh();
            }
            if (en == null && inherited != null) {
                en = inherited.descriptionEn();
            }
            if (zh == null) {
                problem(file, key + ".zh", "required one-line Chinese description is missing");
            }
            if (en == null) {
                problem(file, key + ".en", "required one-line English description is missing");
            }
            String note = text(file, n, key + ".note", "note", false);
            JsonNode a = n.get("assumption");
            if (a != null && !a.isBoolean()) {
                problem(file, key + ".assumption", "expected true or false, was '" + a + "'");
            }
            boolean assumption = a != null && a.asBoolean();
            if (assumption && (note == null || note.isBlank())) {
                problem(file, key + ".note", "an assumption needs a note saying why this value");
            }
            Optional<CoverageScope> scope = scope(file, key + ".scope", n.get("scope"), RuleCatalog.isCoverage(id));
            if (problems.size() > before) {
                return null;
            }
            return new Rule(id, value, unit, citation, binding, zh, en, note, assumption, scope);
        }

        private Citation citation(String file, String key, JsonNode s) {
            if (s == null || s.isNull()) {
                problem(file, key, "required source (document, clause) is missing");
                return null;
            }
            if (!s.isObject()) {
                problem(file, key, "expected a mapping {document: ..., clause: ...}, was '" + s + "'");
                return null;
            }
            String doc = text(file, s, key + ".document", "document", true);
            String clause = text(file, s, key + ".clause", "clause", true);
            return doc == null || clause == null ? null : new Citation(doc, clause);
        }

        private Optional<CoverageScope> scope(String file, String key, JsonNode s, boolean coverage) {
            if (!coverage) {
                if (s != null) {
                    problem(file, key, "only coverage.* rules take a scope");
                }
                return Optional.empty();
            }
            if (s == null || !s.isObject()) {
                problem(file, key, "coverage rules need a scope with kinds and adminLevels");
                return Optional.empty();
            }
            for (Iterator<String> it = s.fieldNames(); it.hasNext();) {
                String k = it.next();
                if (!SCOPE_KEYS.contains(k)) {
                    problem(file, key + "." + k, "unknown key, expected one of "
                        + new java.util.TreeSet<>(SCOPE_KEYS));
                }
            }
            Set<FacilityKind> kinds = parseEach(file, s.path("kinds"), key + ".kinds", FacilityKind::parse,
                EnumSet.noneOf(FacilityKind.class));
            Set<AdminLevel> levels = parseEach(file, s.path("adminLevels"), key + ".adminLevels", AdminLevel::parse,
                EnumSet.noneOf(AdminLevel.class));
            if (kinds.isEmpty()) {
                problem(file, key + ".kinds", "required list of facility kinds is missing or empty");
            }
            if (levels.isEmpty()) {
                problem(file, key + ".adminLevels", "required list of admin levels is missing or empty");
            }
            Optional<UrbanRural> ur = Optional.empty();
            if (s.hasNonNull("urbanRural")) {
                try {
                    ur = Optional.of(UrbanRural.parse(key + ".urbanRural", s.get("urbanRural").asText()));
                } catch (IllegalArgumentException ex) {
                    problems.add(fromException(file, ex));
                }
            }
            OptionalInt year = OptionalInt.empty();
            if (s.hasNonNull("year")) {
                if (!s.get("year").canConvertToInt()) {
                    problem(file, key + ".year", "expected a year, was '" + s.get("year") + "'");
                } else {
                    year = OptionalInt.of(s.get("year").asInt());
                }
            }
            if (kinds.isEmpty() || levels.isEmpty()) {
                return Optional.empty();
            }
            try {
                return Optional.of(new CoverageScope(kinds, levels, ur, year));
            } catch (IllegalArgumentException ex) {
                problem(file, key, ex.getMessage());
                return Optional.empty();
            }
        }

        /** Each element of {@code list} parsed into {@code into}; an unparsable one is recorded as a problem. */
        private <E> Set<E> parseEach(String file, JsonNode list, String field,
                BiFunction<String, String, E> parse, Set<E> into) {
            for (JsonNode k : list) {
                try {
                    into.add(parse.apply(field, k.asText()));
                } catch (IllegalArgumentException ex) {
                    problems.add(fromException(file, ex));
                }
            }
            return into;
        }

        private void problem(String file, String field, String message) {
            problems.add(new InputProblem(file, null, field, message));
        }

        /** A model parse error (field and value as data) placed in {@code file}. */
        private static InputProblem fromException(String file, IllegalArgumentException ex) {
            if (ex instanceof InvalidInputException ie && ie.problems().size() == 1) {
                InputProblem p = ie.problems().get(0);
                return new InputProblem(file, p.feature(), p.field(), p.value(), p.message());
            }
            return new InputProblem(file, null, null, ex.getMessage());
        }

        private String text(String file, JsonNode parent, String key, boolean required) {
            return text(file, parent, key, key, required);
        }

        private String text(String file, JsonNode parent, String fullKey, String field, boolean required) {
            JsonNode n = parent == null ? null : parent.get(field);
            if (n == null || n.isNull() || (n.isTextual() && n.asText().isBlank())) {
                if (required) {
                    problem(file, fullKey, "required text is missing");
                }
                return null;
            }
            if (!n.isValueNode()) {
                problem(file, fullKey, "expected text, was '" + n + "'");
                return null;
            }
            return n.asText().strip();
        }
    }
}
