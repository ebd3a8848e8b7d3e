package org.eldercare.planner.web.api;

import static org.eldercare.planner.web.api.LayerEndpointsTest.bad;
import static org.eldercare.planner.web.api.LayerEndpointsTest.ok;
import static org.eldercare.planner.web.api.LayerEndpointsTest.withServer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class UnitEndpointsTest {
    @Test
    void units_are_listed_by_tier() {
        withServer((server, client) -> {
            assertEquals(5, ok(client, "/api/units").get("units").size());
            JsonNode townships = ok(client, "/api/units?level=township").get("units");
            assertEquals(2, townships.size());
            assertEquals("乙街道", townships.get(1).get("name").asText());
            assertEquals("street", townships.get(1).get("level").asText());
            assertEquals("360681000000", townships.get(1).get("parentCode").asText());
        });
    }

    @Test
    void the_county_summary_adds_up_all_facilities() {
        withServer((server, client) -> {
            JsonNode c = ok(client, "/api/units/360681");
            assertEquals("测试县", c.get("name").asText());
            assertEquals(2200, c.get("elderly60").asLong());
            assertEquals(4, c.at("/facilities/total").asInt());
            assertEquals(100, c.get("beds").asInt());                               // 60 + 40
            assertEquals(100 * 1000.0 / 2200, c.get("bedsPer1000Elderly").asDouble(), 1e-9);  // 45.45
            assertEquals(0.4, c.get("nursingBedShare").asDouble(), 1e-12);          // (30 + 10) / 100
            assertEquals(2, c.at("/medical/total").asInt());
            assertEquals(2, c.get("children").size());
            assertEquals(50.0, c.at("/children/0/bedsPer1000Elderly").asDouble(), 1e-9);   // A: 60 / 1200
            assertEquals(40.0, c.at("/children/1/bedsPer1000Elderly").asDouble(), 1e-9);   // B: 40 / 1000
            // the national profile's target, with its clause
            assertEquals(35.0, c.at("/targets/bedsPer1000Elderly/value").asDouble(), 0);
            assertEquals("beds.per1000Elderly", c.at("/targets/bedsPer1000Elderly/rule").asText());
            assertTrue(c.at("/targets/bedsPer1000Elderly/source").asText().contains("长治"));
            assertEquals("national", c.get("profile").asText());
            // 长治 2019 §二 is not a national clause: the national target says whose it is
            assertEquals("national", c.at("/targets/bedsPer1000Elderly/profile").asText());
            assertEquals("changzhi-2019", c.at("/targets/bedsPer1000Elderly/borrowedFrom/id").asText());
        });
    }

    @Test
    void the_targets_follow_the_profile_asked_for() {
        withServer((server, client) -> {
            JsonNode w = ok(client, "/api/units/360681?profile=wuzhong-2023");
            assertEquals("wuzhong-2023", w.get("profile").asText());
            assertEquals("吴忠 2023 §一(一)2", w.at("/targets/bedsPer1000Elderly/source").asText());
            assertTrue(w.at("/targets/bedsPer1000Elderly/borrowedFrom").isMissingNode(), w.toString());
            // wuzhong sets nursing beds at 60 % itself
            assertEquals("wuzhong-2023", w.at("/targets/nursingBedShare/profile").asText());
            // 长治's own clause is its own; 东乡 inherits the national baseline, so borrows it from 长治 as well
            JsonNode c = ok(client, "/api/units/360681?profile=changzhi-2019");
            assertTrue(c.at("/targets/bedsPer1000Elderly/borrowedFrom").isMissingNode(), c.toString());
            JsonNode d = ok(client, "/api/units/360681?profile=dongxiang-2020");
            assertEquals("changzhi-2019", d.at("/targets/bedsPer1000Elderly/borrowedFrom/id").asText());
            bad(client, "/api/units/360681?profile=atlantis", 400, "profile");
        });
    }

    @Test
    void a_street_summary_counts_facilities_by_code_and_by_position() {
        withServer((server, client) -> {
            JsonNode b = ok(client, "/api/units/360681002000");
            // f2 has no adminCode and lies inside B; f4's code 360681002001 starts with B's prefix 360681002
            assertEquals(2, b.at("/facilities/total").asInt());
            assertEquals(40, b.get("beds").asInt());
            assertEquals(1, b.at("/medical/total").asInt());                         // m2 hospital
            assertEquals("hospital", b.at("/medical/byKind/0/kind").asText());
            JsonNode v = ok(client, "/api/units/360681002001");
            assertTrue(v.get("bedsPer1000Elderly").isNull() == false);
            assertEquals(0.0, v.get("bedsPer1000Elderly").asDouble(), 0);           // f4 has no beds
            assertTrue(v.get("nursingBedShare").isNull());                            // no beds → no share
        });
    }

    @Test
    void bad_codes_and_levels() {
        withServer((server, client) -> {
            bad(client, "/api/units/12ab", 400, "code");
            bad(client, "/api/units/360681009", 404, "code");
            bad(client, "/api/units?level=planet", 400, "level");
        });
    }
}
