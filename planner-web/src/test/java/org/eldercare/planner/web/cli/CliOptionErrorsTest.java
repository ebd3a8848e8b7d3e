package org.eldercare.planner.web.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every command's bad options: exit 2 and exactly one line on stderr naming the option, no stack trace, no usage
 * screen. The out-of-range numbers are refused while parsing (before any file is opened), so the files named here
 * need not exist.
 */
class CliOptionErrorsTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        serve --port -1                                                          | --port
        serve --port 70000                                                       | --port
        serve --port eighty                                                      | --port
        serve --no-such-option                                                   | --no-such-option
        serve --analysis-threads 0                                               | --analysis-threads
        serve --analysis-queue -1                                                | --analysis-queue
        circles --facilities f.geojson --out o.geojson --no-network --minutes 5,-10 | --minutes
        circles --facilities f.geojson --out o.geojson --no-network --buffer-m -1 | --buffer-m
        circles --facilities f.geojson --out o.geojson --no-network --speed-mps 0 | --walk-speed
        circles --facilities f.geojson --out o.geojson --no-network --max-snap-m -5 | --max-snap-m
        circles --out o.geojson --no-network                                     | --facilities
        coverage --data w.gpkg --gap-link-m -1                                   | --gap-link-m
        coverage --data w.gpkg --gap-buffer-m NaN                                | --gap-buffer-m
        coverage --data w.gpkg --walk-speed Infinity                             | --walk-speed
        od-matrix --network n.osm --origins o.csv --out m.csv --walk-speed -1    | --walk-speed
        od-matrix --network n.osm --origins o.csv --out m.csv --max-minutes 0    | --max-minutes
        reach --edges e.csv --from 1 --max -3                                    | --max
        site --data w.gpkg --county 360681 --p 0                                 | --p
        site --data w.gpkg --county 360681 --minutes -15                         | --minutes
        site --data w.gpkg --county 360681 --time-limit 0                        | --time-limit
        solve-matrix m.csv --model pmedian --p 1.5                      | --p
        solve-matrix m.csv --model lscp --max-cost -1                   | --max-cost
        solve-matrix m.csv --model pmedian --p 2 --missing-cost -1      | --missing-cost
        solve-matrix m.csv --model pmedian --p 2 --time-limit -60       | --time-limit
        solve-orlib --model pmedian --time-limit 0 pmed1.txt                     | --time-limit
        """)
    void a_bad_option_is_one_line_and_exit_2(String args, String option) {
        CliRun r = CliRun.of(args.strip().split(" +"));
        assertEquals(2, r.code(), r.err());
        String err = r.err().strip();
        assertEquals(1, err.lines().count(), err);
        assertTrue(err.startsWith("error: "), err);
        assertTrue(err.contains(option), err);
        assertEquals("", r.out());
    }
}
