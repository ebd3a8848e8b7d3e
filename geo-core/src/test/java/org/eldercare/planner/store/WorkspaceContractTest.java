package org.eldercare.planner.store;

import static org.eldercare.planner.store.StoreFixtures.county;
import static org.eldercare.planner.store.StoreFixtures.d1;
import static org.eldercare.planner.store.StoreFixtures.f1;
import static org.eldercare.planner.store.StoreFixtures.f2;
import static org.eldercare.planner.store.StoreFixtures.f3;
import static org.eldercare.planner.store.StoreFixtures.p1;
import static org.eldercare.planner.store.StoreFixtures.r2;
import static org.eldercare.planner.store.StoreFixtures.sample;
import static org.eldercare.planner.store.StoreFixtures.street;
import static org.eldercare.planner.store.StoreFixtures.township;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.AbstractList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.eldercare.planner.model.Facility;
import org.eldercare.planner.model.Geometries;
import org.eldercare.planner.model.PlanningData;
import org.eldercare.planner.model.FacilityKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;

/**
 * The one contract every {@link Workspace} store must meet; subclasses supply a fresh, empty workspace per test.
 * Geometry and layout of the fixture: see {@link StoreFixtures}.
 */
abstract class WorkspaceContractTest {
    protected Workspace ws;

    /**
     * Called while a revised save of scenario {@code name} (new) is inside its transaction: shows, with the store's
     * own means and without waiting, that the database holds a second writer off (a lock it cannot take).
     */
    protected abstract void assertSecondWriterIsHeldOff(String name) throws Exception;

    /** A fresh, empty workspace of the store under test. */
    protected abstract Workspace newWorkspace() throws Exception;

    /** A second, independent handle on the same workspace (as another planner instance would open it). */
    protected abstract Workspace openAgain(Workspace ws);

    @BeforeEach
    void open() throws Exception {
        ws = newWorkspace();
    }

    @AfterEach
    void close() {
        ws.close();
    }

    /** A facility list whose third element throws when read: a write that fails part-way. */
    static List<Facility> failingAtThird() {
        return new AbstractList<>() {
            @Override
            public Facility get(int i) {
                if (i == 2) {
                    throw new IllegalStateException("injected failure at feature 3");
                }
                return List.of(f1(), f2()).get(i);
            }

            @Override
            public int size() {
                return 3;
            }
        };
    }

    @Test
    void every_layer_round_trips_with_every_property() {
        PlanningData in = sample();
        ws.write(in);
        PlanningData back = ws.read();
        assertEquals(in, back);
        // layer by layer too, and through a second handle (nothing cached in the first)
        try (Workspace other = openAgain(ws)) {
            for (StoredLayer<?> layer : StoredLayer.all()) {
                assertEquals(layer.itemsOf(in), other.readLayer(layer), layer.table());
            }
            assertEquals("贵溪市 sample", other.read().name());
        }
    }

    @Test
    void an_empty_workspace_reads_as_empty_and_does_not_exist() {
        assertFalse(ws.exists());
        assertEquals(List.of(), ws.listDocuments(DocumentKind.SCENARIO));
    }

    @Test
    void writing_one_layer_replaces_only_that_layer() {
        ws.write(sample());
        ws.writeLayer(StoredLayer.FACILITIES, List.of(f3()));
        PlanningData back = ws.read();
        assertEquals(List.of(f3()), back.facilities());
        assertEquals(sample().withFacilities(List.of(f3())), back);
    }

    @Test
    void bbox_queries_return_the_items_intersecting_the_box() {
        ws.write(sample());
        // box A 114.03–114.07 × 22.63–22.67: F1 (114.05,22.65) and D1 (114.04,22.64) inside; the county and the
        // street (114.0–114.1 × 22.6–22.7) intersect, the township (x >= 114.1) does not. Road r1's envelope
        // covers the box, but the line itself passes y = 22.53..22.57 there: no road.
        Envelope a = new Envelope(114.03, 114.07, 22.63, 22.67);
        assertEquals(List.of(f1()), ws.queryLayer(StoredLayer.FACILITIES, a));
        assertEquals(List.of(p1()), ws.queryLayer(StoredLayer.DEMAND_POINTS, a));
        assertEquals(List.of(county(), street()), ws.queryLayer(StoredLayer.ADMIN_UNITS, a));
        assertEquals(List.of(), ws.queryLayer(StoredLayer.ROADS, a));
        // box B 114.02–114.025 × 22.512–22.516 lies inside district d1 (114.01–114.03 × 22.51–22.53); district d2
        // has no boundary and never matches; r1 passes y = 22.52..22.525 there, above the box
        Envelope b = new Envelope(114.02, 114.025, 22.512, 22.516);
        assertEquals(List.of(d1()), ws.queryLayer(StoredLayer.DISTRICTS, b));
        assertEquals(List.of(), ws.queryLayer(StoredLayer.ROADS, b));
        // box C 114.169–114.171 × 22.514–22.516 holds r2's point (114.17, 22.515) and lies in the township's
        // southern square (114.1–114.2 × 22.5–22.55)
        Envelope c = new Envelope(114.169, 114.171, 22.514, 22.516);
        assertEquals(List.of(r2()), ws.queryLayer(StoredLayer.ROADS, c));
        assertEquals(List.of(county(), township()), ws.queryLayer(StoredLayer.ADMIN_UNITS, c));
        // a box far away finds nothing
        assertEquals(List.of(), ws.queryLayer(StoredLayer.FACILITIES, new Envelope(100, 101, 30, 31)));
    }

    @Test
    void an_empty_box_is_refused() {
        var e = assertThrows(IllegalArgumentException.class, () -> ws.queryLayer(StoredLayer.FACILITIES, new Envelope()));
        assertTrue(e.getMessage().startsWith("lonLatBox: "), e.getMessage());
    }

    @Test
    void a_failed_import_leaves_no_trace() {
        PlanningData before = sample();
        ws.write(before);
        ws.saveDocument(DocumentKind.SCENARIO, "base", "{\"changes\":[]}", Map.of());

        // one update: rename, replace roads (fine), save a document (fine), then a facility layer whose 3rd
        // feature throws while being written
        var e = assertThrows(IllegalStateException.class, () -> ws.update(w -> {
            w.setName("renamed");
            w.writeLayer(StoredLayer.ROADS, List.of());
            w.saveDocument(org.eldercare.planner.store.StoredDocument.of(DocumentKind.RESULT, "half",
                "{}", Map.of()));
            w.writeLayer(StoredLayer.FACILITIES, failingAtThird());
        }));
        assertEquals("injected failure at feature 3", e.getMessage());

        try (Workspace other = openAgain(ws)) {
            assertEquals(before, other.read());
            assertEquals(List.of(), other.listDocuments(DocumentKind.RESULT));
            assertEquals(List.of("base"), other.listDocuments(DocumentKind.SCENARIO).stream()
                .map(StoredDocument::name).toList());
        }
    }

    @Test
    void a_failed_first_import_leaves_the_workspace_empty() {
        assertThrows(IllegalStateException.class, () -> ws.update(w -> {
            w.setName("new");
            w.writeLayer(StoredLayer.FACILITIES, failingAtThird());
        }));
        assertFalse(ws.exists());
    }

    @Test
    void a_duplicate_id_is_refused_naming_it_and_nothing_is_written() {
        ws.write(sample());
        Facility dup = Facility.of("F1", "another", FacilityKind.CANTEEN, Geometries.point(114.1, 22.6));
        var e = assertThrows(IllegalArgumentException.class,
            () -> ws.writeLayer(StoredLayer.FACILITIES, List.of(f1(), f2(), dup)));
        assertEquals("facilities[2].id: duplicate id 'F1'", e.getMessage());
        assertEquals(sample(), ws.read());
    }

    @Test
    void readers_see_the_previous_state_while_a_write_is_in_progress() throws Exception {
        ws.write(sample());
        CountDownLatch written = new CountDownLatch(1);
        CountDownLatch readDone = new CountDownLatch(1);
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> ws.update(w -> {
            w.writeLayer(StoredLayer.FACILITIES, List.of(f3()));
            w.setName("after");
            written.countDown();
            try {
                // keep the transaction open until the reader has read
                assertTrue(readDone.await(60, TimeUnit.SECONDS));
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(ex);
            }
        }));
        assertTrue(written.await(60, TimeUnit.SECONDS), "writer did not start");
        try (Workspace reader = openAgain(ws)) {
            // the read must neither block on the open write nor see any of it
            PlanningData during = CompletableFuture.supplyAsync(reader::read).get(30, TimeUnit.SECONDS);
            assertEquals(sample(), during);
            assertEquals(List.of(f1()), CompletableFuture.supplyAsync(
                () -> reader.queryLayer(StoredLayer.FACILITIES, new Envelope(114.03, 114.07, 22.63, 22.67)))
                .get(30, TimeUnit.SECONDS));
        } finally {
            readDone.countDown();
        }
        writer.get(60, TimeUnit.SECONDS);
        assertEquals(sample().withFacilities(List.of(f3())).facilities(), ws.read().facilities());
        assertEquals("after", ws.read().name());
    }

    @Test
    void a_saved_result_and_a_scenario_are_reloaded() {
        ws.write(sample());
        String resultJson = "{\"coveredShare\": 0.83, \"uncovered\": [\"360681102000\"], \"note\": \"罗河镇\"}";
        StoredDocument result = new StoredDocument(DocumentKind.RESULT, "coverage 2025", resultJson,
            Instant.parse("2026-11-22T08:15:30.123Z"), Map.of("profile", "jiangxi-2025", "author", "规划科"));
        ws.saveDocument(result);
        StoredDocument scenario = ws.saveDocument(DocumentKind.SCENARIO, "add centre at 罗河",
            "{\"changes\":[{\"type\":\"add\",\"kind\":\"day-care-centre\",\"lon\":114.15,\"lat\":22.65}]}",
            Map.of("description", "one new day-care centre"));

        try (Workspace other = openAgain(ws)) {
            assertEquals(result, other.findDocument(DocumentKind.RESULT, "coverage 2025").orElseThrow());
            assertEquals(resultJson, other.findDocument(DocumentKind.RESULT, "coverage 2025").get().json());
            assertEquals(scenario, other.findDocument(DocumentKind.SCENARIO, "add centre at 罗河").orElseThrow());
            assertEquals(List.of(result), other.listDocuments(DocumentKind.RESULT));
            assertTrue(other.findDocument(DocumentKind.RESULT, "add centre at 罗河").isEmpty());
        }
        // saving under the same name replaces; deleting removes; layers untouched throughout
        StoredDocument replaced = ws.saveDocument(DocumentKind.RESULT, "coverage 2025", "[1, 2]", Map.of());
        assertEquals(List.of(replaced), ws.listDocuments(DocumentKind.RESULT));
        assertTrue(ws.deleteDocument(DocumentKind.RESULT, "coverage 2025"));
        assertFalse(ws.deleteDocument(DocumentKind.RESULT, "coverage 2025"));
        assertEquals(List.of(), ws.listDocuments(DocumentKind.RESULT));
        assertEquals(sample(), ws.read());
    }

    @Test
    void a_document_that_is_not_json_is_refused_naming_it() {
        var e = assertThrows(IllegalArgumentException.class,
            () -> ws.saveDocument(DocumentKind.SCENARIO, "broken", "{not json", Map.of()));
        assertTrue(e.getMessage().startsWith("json: document 'broken' is not valid JSON"), e.getMessage());
    }

    // ---- revised saves (optimistic concurrency) -------------------------------------------------------------

    private static StoredDocument scenarioDoc(String name, String json, String by) {
        return StoredDocument.of(DocumentKind.SCENARIO, name, json, Map.of(RevisedDocument.SAVED_BY, by));
    }

    @Test
    void a_new_name_is_saved_at_revision_1_and_saving_it_again_as_new_is_refused() {
        ws.update(w -> w.setName("县"));
        RevisedDocument first = ws.saveRevision(scenarioDoc("方案甲", "{\"changes\": [1]}", "张三"), 0);
        assertEquals(1, first.revision());
        RevisionConflictException e = assertThrows(RevisionConflictException.class,
            () -> ws.saveRevision(scenarioDoc("方案甲", "{\"changes\": [2]}", "李四"), 0));
        assertEquals(RevisionConflictException.Reason.EXISTS, e.reason());
        assertEquals(java.util.OptionalLong.of(1), e.actual());
        assertTrue(e.getMessage().startsWith("scenario '方案甲' already exists (revision 1)"), e.getMessage());
        RevisedDocument back = ws.findRevision(DocumentKind.SCENARIO, "方案甲").orElseThrow();
        assertEquals(1, back.revision());
        assertEquals("{\"changes\": [1]}", back.document().json());
        assertEquals("张三", back.savedBy());
        assertEquals(first.document(), back.document());
    }

    @Test
    void a_replace_must_name_the_revision_it_read_and_a_stale_one_is_refused() {
        ws.update(w -> w.setName("县"));
        ws.saveRevision(scenarioDoc("s", "{\"v\": 1}", "a"), 0);
        assertEquals(2, ws.saveRevision(scenarioDoc("s", "{\"v\": 2}", "b"), 1).revision());
        // a second planner who also read revision 1 is refused, and revision 2 stays
        RevisionConflictException stale = assertThrows(RevisionConflictException.class,
            () -> ws.saveRevision(scenarioDoc("s", "{\"v\": 3}", "c"), 1));
        assertEquals(RevisionConflictException.Reason.STALE, stale.reason());
        assertEquals(java.util.OptionalLong.of(2), stale.actual());
        assertThrows(RevisionConflictException.class, () -> ws.deleteRevision(DocumentKind.SCENARIO, "s", 1));
        RevisedDocument now = openAgain(ws).findRevision(DocumentKind.SCENARIO, "s").orElseThrow();
        assertEquals(2, now.revision());
        assertEquals("{\"v\": 2}", now.document().json());
        assertEquals("b", now.savedBy());
        // replacing a name nobody saved is refused too
        RevisionConflictException missing = assertThrows(RevisionConflictException.class,
            () -> ws.saveRevision(scenarioDoc("t", "{}", "c"), 1));
        assertEquals(RevisionConflictException.Reason.MISSING, missing.reason());
        assertTrue(ws.findRevision(DocumentKind.SCENARIO, "t").isEmpty());
        // the unconditional save of the older API also counts revisions
        ws.saveDocument(scenarioDoc("s", "{\"v\": 4}", "d"));
        assertEquals(3, ws.findRevision(DocumentKind.SCENARIO, "s").orElseThrow().revision());
        ws.deleteRevision(DocumentKind.SCENARIO, "s", 3);
        assertEquals(List.of(), ws.listRevisions(DocumentKind.SCENARIO));
        assertEquals(RevisionConflictException.Reason.MISSING, assertThrows(RevisionConflictException.class,
            () -> ws.deleteRevision(DocumentKind.SCENARIO, "s", 3)).reason());
    }

    /**
     * Two handles (as two servers would have) save the same new name, and then the same revision, at the same
     * instant (released together by a latch), 10 rounds: each time exactly one save succeeds, the other is refused,
     * and the stored document is the winner's, whole.
     */
    @Test
    void of_two_concurrent_saves_of_the_same_name_or_revision_exactly_one_succeeds() throws Exception {
        ws.update(w -> w.setName("县"));
        Workspace other = openAgain(ws);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 10; round++) {
                String name = "race-" + round;
                for (long expected : new long[] {0, 1}) {
                    CountDownLatch start = new CountDownLatch(1);
                    List<java.util.concurrent.Future<RevisedDocument>> saves = new java.util.ArrayList<>();
                    for (Workspace handle : List.of(ws, other)) {
                        String json = "{\"by\": \"" + (handle == ws ? "a" : "b") + "\", \"expected\": " + expected + "}";
                        saves.add(pool.submit(() -> {
                            start.await();
                            return handle.saveRevision(scenarioDoc(name, json, handle == ws ? "a" : "b"), expected);
                        }));
                    }
                    start.countDown();
                    RevisedDocument winner = null;
                    int refused = 0;
                    for (var f : saves) {
                        try {
                            winner = f.get(60, TimeUnit.SECONDS);
                        } catch (java.util.concurrent.ExecutionException e) {
                            assertTrue(e.getCause() instanceof RevisionConflictException, String.valueOf(e.getCause()));
                            refused++;
                        }
                    }
                    assertEquals(1, refused, name + " expected " + expected);
                    RevisedDocument stored = ws.findRevision(DocumentKind.SCENARIO, name).orElseThrow();
                    assertEquals(expected + 1, stored.revision());
                    assertEquals(winner.document().json(), stored.document().json());
                    assertEquals(winner.savedBy(), stored.savedBy());
                }
            }
        } finally {
            pool.shutdownNow();
            other.close();
        }
    }

    /**
     * A save paused inside its transaction (after its statements, before the commit, by the test hook): the
     * database itself holds a second writer off, a reader is not blocked and does not see the uncommitted save, and
     * once it commits a second save of the same new name is refused.
     */
    @Test
    void while_a_save_is_inside_its_transaction_the_database_holds_off_a_second_writer() throws Exception {
        ws.update(w -> w.setName("县"));
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<RevisedDocument> held = new CompletableFuture<>();
        Thread saver = new Thread(() -> {
            try {
                held.complete(ws.saveRevision(scenarioDoc("held", "{\"v\": 1}", "a"), 0));
            } catch (Throwable t) {
                held.completeExceptionally(t);
            }
        });
        JdbcWorkspace.beforeRevisionCommit = () -> {
            if (Thread.currentThread() == saver) {
                inside.countDown();
                try {
                    release.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        try {
            saver.start();
            assertTrue(inside.await(60, TimeUnit.SECONDS), "the save never reached its commit");
            assertSecondWriterIsHeldOff("held");
            try (Workspace reader = openAgain(ws)) {
                assertTrue(reader.findRevision(DocumentKind.SCENARIO, "held").isEmpty());
            }
            release.countDown();
            assertEquals(1, held.get(60, TimeUnit.SECONDS).revision());
        } finally {
            release.countDown();
            JdbcWorkspace.beforeRevisionCommit = () -> { };
        }
        try (Workspace other = openAgain(ws)) {
            assertEquals(RevisionConflictException.Reason.EXISTS, assertThrows(RevisionConflictException.class,
                () -> other.saveRevision(scenarioDoc("held", "{\"v\": 2}", "b"), 0)).reason());
        }
    }
}
