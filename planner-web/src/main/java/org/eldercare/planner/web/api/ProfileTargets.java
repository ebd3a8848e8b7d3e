package org.eldercare.planner.web.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eldercare.planner.policy.PolicyProfile;
import org.eldercare.planner.policy.PolicyProfiles;
import org.eldercare.planner.policy.Rule;

/**
 * The profile a request asks for ({@code profile=ID}: a built-in id or the server's own) and a target as the page shows
 * it: the rule's value and clause, the profile in force, and, when the clause is another profile's document, which one
 * (the national baseline takes its 35 beds per 1000 elderly from 长治 2019 §二: shown as borrowed from 长治, never as a
 * national clause).
 */
final class ProfileTargets {
    private ProfileTargets() {}

    /** The profile named {@code id}; null or blank or the server's own id is the server's. */
    static PolicyProfile resolve(PolicyProfile server, String id) {
        if (id == null || id.isBlank() || id.equals(server.id())) {
            return server;
        }
        List<String> allowed = new ArrayList<>(PolicyProfiles.BUILT_IN_IDS);
        if (!allowed.contains(server.id())) {
            allowed.add(0, server.id());
        }
        if (!allowed.contains(id)) {
            throw new BadParameterException("profile", id, "unknown policy profile '" + id + "', expected one of: "
                + String.join(", ", allowed), allowed);
        }
        return PolicyProfiles.get(id);
    }

    /**
     * The target {@code r} of {@code profile}: {@code rule}, {@code value}, {@code unit}, {@code source},
     * {@code binding}, the {@code profile} in force with its {@code profileZh}/{@code profileEn} name and, when the
     * clause belongs to another built-in profile (one that is neither this profile nor one it extends, and that
     * sets the rule itself), that profile as {@code borrowedFrom} {@code {id, nameZh, nameEn}}.
     */
    static Map<String, Object> target(PolicyProfile profile, Rule r) {
        Map<String, Object> m = CoverageEndpoints.ruleValue(r);
        m.put("profile", profile.id());
        m.put("profileZh", profile.nameZh());
        m.put("profileEn", profile.nameEn());
        borrowedFrom(profile, r).ifPresent(p -> m.put("borrowedFrom",
            Map.of("id", p.id(), "nameZh", p.nameZh(), "nameEn", p.nameEn())));
        return m;
    }

    /** The built-in profile, outside {@code profile}'s own line, whose rule of the same id cites the same clause. */
    static Optional<PolicyProfile> borrowedFrom(PolicyProfile profile, Rule r) {
        List<String> line = new ArrayList<>();
        for (Optional<String> p = Optional.of(profile.id()); p.isPresent(); ) {
            line.add(p.get());
            p = p.get().equals(profile.id()) ? profile.parent() : PolicyProfiles.get(p.get()).parent();
        }
        Map<String, PolicyProfile> others = new LinkedHashMap<>();
        for (String id : PolicyProfiles.BUILT_IN_IDS) {
            if (!line.contains(id)) {
                others.put(id, PolicyProfiles.get(id));
            }
        }
        return others.values().stream()
            .filter(o -> o.findRule(r.id()).map(x -> x.citation().equals(r.citation()) && ownRule(o, x)).orElse(false))
            .findFirst();
    }

    /** Whether {@code o} sets rule {@code x} itself rather than inheriting it unchanged from the profile it extends. */
    private static boolean ownRule(PolicyProfile o, Rule x) {
        return o.parent().flatMap(p -> PolicyProfiles.get(p).findRule(x.id())).map(inherited -> !inherited.equals(x))
            .orElse(true);
    }
}
