package org.eldercare.planner.web.api;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Optional;
import org.eldercare.planner.io.MbTiles;

/**
 * {@code GET /tiles/{z}/{x}/{y}.png} (or {@code .jpg}, {@code .webp}): the basemap tiles of a local MBTiles file, for
 * sites without network access; 404 where the file has no tile. Tiles are cached by browsers for a day.
 */
public final class TileEndpoints implements Endpoints {
    private final MbTiles tiles;

    public TileEndpoints(MbTiles tiles) {
        this.tiles = tiles;
    }

    @Override
    public void registerEndpoints(RoutesConfig routes) {
        routes.get("/tiles/{z}/{x}/{y}", this::tile);
    }

    private void tile(Context ctx) {
        int z = QueryParams.integer("z", ctx.pathParam("z"), 0, 30);
        int x = QueryParams.integer("x", ctx.pathParam("x"), 0, Integer.MAX_VALUE);
        String yText = ctx.pathParam("y");
        String ext = yText.contains(".") ? yText.substring(yText.indexOf('.') + 1) : "";
        if (!ext.equals(tiles.format())) {
            throw new BadParameterException("y", yText, "tiles of this basemap are ." + tiles.format() + ", was '"
                + yText + "'");
        }
        int y = QueryParams.integer("y", yText.substring(0, yText.indexOf('.')), 0, Integer.MAX_VALUE);
        Optional<byte[]> t = tiles.tile(z, x, y);
        if (t.isEmpty()) {
            ctx.status(404);
            return;
        }
        ctx.contentType(tiles.format().equals("jpg") ? "image/jpeg" : "image/" + tiles.format());
        ctx.header("Cache-Control", "public, max-age=86400");
        ctx.result(t.get());
    }
}
